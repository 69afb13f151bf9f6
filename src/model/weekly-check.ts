import { teamCap } from "./capacity.js";
import { LONG_SICK, LONG_TERM, SHORT_SICK, SHORT_TERM, VACANT } from "./fca-store.js";
import { holdsNewCases, nextProtocolStatus, PROTOCOL_STATES, type ProtocolMeasures } from "./protocol-machine.js";
import type { AreaState, ModelState } from "./model-state.js";
import type { Workforce } from "./workforce.js";

/** One area's measures at the end of a week. */
export interface WeekMeasures {
  readonly open: number;
  readonly awaiting: number;
  readonly hub: number;
  readonly hubAgeWeeksSum: number;
  readonly ltCases: number;
  readonly ltInPost: number;
  readonly ltOverCap: number;
  readonly fteInPost: number;
  readonly fteAbsent: number;
  readonly hubOpen: boolean;
}

/**
 * The weekly check of one area: measure, verify nothing is lost (referred + Plus under way =
 * closed + allocated + in hub + awaiting), step the protocol, and run the workforce draws. Returns the measures.
 */
export function weeklyCheck(s: ModelState, area: AreaState, caps: Float64Array, workforce: Workforce, onTransition: (from: number, to: number) => void): WeekMeasures {
  const m = measure(s, area, caps);
  const held = m.ltCases + area.shortTerm.reduce((n, f) => n + s.fcas[f]!.cases.length, 0);
  // Plus cases are FCA work but not referrals (they are before proceedings), so they are counted apart.
  if (area.totals.referred - area.totals.closed + area.totals.plusOpen !== held + m.awaiting + m.hub) {
    throw new Error(`case conservation failed in ${area.spec.name} on day ${s.sim.now}: referred ${area.totals.referred} − closed ${area.totals.closed}${area.totals.plusOpen > 0 ? ` + Plus under way ${area.totals.plusOpen}` : ""} ≠ allocated ${held} + awaiting ${m.awaiting} + in hub ${m.hub}`);
  }
  const measures: ProtocolMeasures = {
    ratio: m.open / area.baseline,
    averageCaseload: m.ltInPost > 0 ? m.ltCases / m.ltInPost : 0,
    shareOverCap: m.ltInPost > 0 ? m.ltOverCap / m.ltInPost : 0,
  };
  const next = nextProtocolStatus(area.protocol, measures, s.scenario.protocol);
  if (next.state !== area.protocol.state) {
    onTransition(PROTOCOL_STATES.indexOf(area.protocol.state), PROTOCOL_STATES.indexOf(next.state));
  }
  area.protocol = next;
  // Short-term caseloads are scaled to long-term equivalents for the overload attrition rule.
  const equivalent = teamCap(s.scenario, area.index, LONG_TERM) / teamCap(s.scenario, area.index, SHORT_TERM);
  for (const f of [...area.longTerm, ...area.shortTerm]) {
    const n = s.fcas[f]!.cases.length;
    workforce.weekly(f, n > caps[f]!, s.fcas[f]!.team === LONG_TERM ? n : n * equivalent);
  }
  return m;
}

function measure(s: ModelState, area: AreaState, caps: Float64Array): WeekMeasures {
  let ltCases = 0, ltInPost = 0, ltOverCap = 0, fteInPost = 0, fteAbsent = 0, hubAge = 0;
  for (const f of [...area.longTerm, ...area.shortTerm]) {
    const fca = s.fcas[f]!;
    if (fca.state === VACANT) continue;
    fteInPost += fca.fte;
    if (fca.state === SHORT_SICK || fca.state === LONG_SICK) fteAbsent += fca.fte;
    if (fca.team !== LONG_TERM) continue;
    ltInPost++;
    ltCases += fca.cases.length;
    if (fca.cases.length > caps[f]!) ltOverCap++;
  }
  for (const id of area.hub) hubAge += (s.sim.now - s.cases.hubEntryDay[id]!) / 7;
  return {
    open: area.totals.referred - area.totals.closed, awaiting: area.stQueue.length + area.ltQueue.length, hub: area.hub.length,
    hubAgeWeeksSum: hubAge, ltCases, ltInPost, ltOverCap, fteInPost, fteAbsent, hubOpen: holdsNewCases(area.protocol.state) || area.protocol.state === "winding-down",
  };
}
