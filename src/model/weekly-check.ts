import { teamCap, teamCapUnits } from "./capacity.js";
import { AWAITING, IN_HUB } from "./case-store.js";
import { CLOSED, LONG_SICK, LONG_TERM, SHORT_SICK, SHORT_TERM, VACANT, WORKING } from "./fca-store.js";
import { holdsNewCases, nextProtocolStatus, PROTOCOL_STATES, type ProtocolMeasures } from "./protocol-machine.js";
import type { AreaState, ModelState } from "./model-state.js";
import type { Workforce } from "./workforce.js";

/** Held work beyond this many weeks of capacity (e.g. no FCA working at all) is recorded as this. */
const MAX_CAPACITY_WEEKS = 999;

/** One area's measures at the end of a week. */
export interface WeekMeasures {
  readonly open: number;
  /** Cases waiting for a long-term FCA outside the hub, all of them and by tier (index 0 = P1). */
  readonly awaiting: number;
  readonly awaitingByTier: readonly [number, number, number, number];
  /** Of those whose wait is measured: how many have waited 4 and 12 weeks or more, and their ages summed (weeks). */
  readonly awaitingOver4: number;
  readonly awaitingOver12: number;
  readonly awaitingAgeWeeksSum: number;
  readonly awaitingAged: number;
  readonly hub: number;
  /** Long-term work held: the unallocated queue plus the hub. */
  readonly heldWork: number;
  readonly hubAgeWeeksSum: number;
  readonly ltCases: number;
  /** Long-term FCAs holding cases (in post and not on long-term sickness). */
  readonly ltInPost: number;
  readonly ltOverCap: number;
  /** Cases a week the working long-term FCAs can take on when full (their places ÷ load-weeks a case). */
  readonly capacityPerWeek: number;
  readonly fteInPost: number;
  readonly fteAbsent: number;
  readonly fteVacant: number;
  readonly hubOpen: boolean;
  /** What the protocol saw this week. */
  readonly protocol: ProtocolMeasures;
}

/**
 * The weekly check of one area: measure, verify nothing is lost (referred + Plus under way =
 * closed + allocated + in hub + awaiting, and every queued case is where its status says), step
 * the protocol, and run the workforce draws. Returns the measures.
 */
export function weeklyCheck(s: ModelState, area: AreaState, workforce: Workforce, onTransition: (from: number, to: number, m: WeekMeasures) => void): WeekMeasures {
  const m = measure(s, area);
  checkConservation(s, area, m);
  const next = nextProtocolStatus(area.protocol, m.protocol, area.rules);
  if (next.state !== area.protocol.state) onTransition(PROTOCOL_STATES.indexOf(area.protocol.state), PROTOCOL_STATES.indexOf(next.state), m);
  area.protocol = next;
  // Short-term caseloads are scaled to long-term equivalents for the overload attrition rule.
  const equivalent = teamCap(s.scenario, area.index, LONG_TERM) / teamCap(s.scenario, area.index, SHORT_TERM);
  const caps = s.caps;
  for (const posts of [area.longTerm, area.shortTerm]) {
    for (const f of posts) {
      const fca = s.fcas[f]!, n = s.caseloads.count[f]!;
      workforce.weekly(f, fca.load > caps[f]! + 1e-9, fca.team === LONG_TERM ? n : n * equivalent);
    }
  }
  return { ...m, hubOpen: holdsNewCases(area.protocol.state) || area.protocol.state === "winding-down" };
}

function checkConservation(s: ModelState, area: AreaState, m: WeekMeasures): void {
  const held = m.ltCases + area.shortTerm.reduce((n, f) => n + s.caseloads.count[f]!, 0);
  const t = area.totals, status = s.cases.status, where = s.cases.area;
  // Plus cases are FCA work but not referrals (they are before proceedings), so they are counted apart.
  const awaiting = m.awaiting + area.stQueue.length; // work to first hearing waiting for a short-term FCA too
  if (t.referred - t.closed + t.plusOpen !== held + awaiting + m.hub) {
    throw new Error(`case conservation failed in ${area.spec.name} on day ${s.sim.now}: referred ${t.referred} − closed ${t.closed}${t.plusOpen > 0 ? ` + Plus under way ${t.plusOpen}` : ""} ≠ allocated ${held} + awaiting ${awaiting} + in hub ${m.hub}`);
  }
  for (const queue of [area.ltQueue, area.stQueue]) {
    for (const id of queue) if (status[id] !== AWAITING || where[id] !== area.index) throw new Error(`case conservation failed in ${area.spec.name} on day ${s.sim.now}: case ${id} is in the unallocated queue with status ${status[id]}`);
  }
  for (const id of area.hub) if (status[id] !== IN_HUB || where[id] !== area.index) throw new Error(`case conservation failed in ${area.spec.name} on day ${s.sim.now}: case ${id} is in the hub with status ${status[id]}`);
}

function measure(s: ModelState, area: AreaState): WeekMeasures {
  const now = s.sim.now, caps = s.caps, fullCap = teamCapUnits(s.scenario, area.index, LONG_TERM);
  let ltCases = 0, ltInPost = 0, ltOverCap = 0, fteInPost = 0, fteAbsent = 0, fteVacant = 0, places = 0;
  for (const posts of [area.longTerm, area.shortTerm]) {
    for (const f of posts) {
      const fca = s.fcas[f]!;
      if (fca.state === CLOSED) continue;
      if (fca.state === VACANT) {
        fteVacant += fca.fte;
        continue;
      }
      fteInPost += fca.fte;
      if (fca.state === SHORT_SICK || fca.state === LONG_SICK) fteAbsent += fca.fte;
      // Caseload figures are over the FCAs holding cases: an FCA on long-term sickness has handed them back.
      if (fca.team !== LONG_TERM || fca.state === LONG_SICK) continue;
      ltInPost++;
      ltCases += s.caseloads.count[f]!;
      if (fca.load >= fullCap * fca.fte - 1e-9) ltOverCap++;
      if (fca.state === WORKING) places += caps[f]!;
    }
  }
  const byTier: [number, number, number, number] = [0, 0, 0, 0];
  let over4 = 0, over12 = 0, ageSum = 0, aged = 0, hubAge = 0;
  for (const id of area.ltQueue) {
    byTier[Math.min(3, Math.max(0, s.cases.tier[id]! - 1))]! += 1;
    const start = s.cases.waitStart[id]!;
    if (start !== start) continue;
    const age = now - start;
    aged++;
    ageSum += age / 7;
    if (age >= 28) over4++;
    if (age >= 84) over12++;
  }
  for (const id of area.hub) hubAge += (now - s.cases.hubEntryDay[id]!) / 7;
  const open = area.totals.referred - area.totals.closed, awaiting = area.ltQueue.length, hub = area.hub.length;
  const capacityPerWeek = places / area.placeWeeksPerCase, heldWork = area.ltQueue.length + hub;
  const unallocatedWeeks = heldWork === 0 ? 0 : capacityPerWeek > 0 ? Math.min(MAX_CAPACITY_WEEKS, heldWork / capacityPerWeek) : MAX_CAPACITY_WEEKS;
  return {
    open, awaiting, awaitingByTier: byTier, awaitingOver4: over4, awaitingOver12: over12, awaitingAgeWeeksSum: ageSum, awaitingAged: aged,
    hub, heldWork, hubAgeWeeksSum: hubAge, ltCases, ltInPost, ltOverCap, capacityPerWeek, fteInPost, fteAbsent, fteVacant, hubOpen: false,
    protocol: {
      ratio: open / area.baseline, unallocatedWeeks,
      averageCaseload: ltInPost > 0 ? ltCases / ltInPost : 0, shareOverCap: ltInPost > 0 ? ltOverCap / ltInPost : 0,
    },
  };
}
