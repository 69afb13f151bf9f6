import type { CaseStore } from "./case-store.js";
import type { CaseFlow } from "./case-flow.js";
import { teamCap } from "./capacity.js";
import { LONG_TERM, SHORT_TERM } from "./fca-store.js";
import type { AreaState, ModelState } from "./model-state.js";

/**
 * The daily allocation in one area. Work to first hearing, public law and urgent private law
 * (P1/P2) always go to the FCA with most room, over cap if need be. Less urgent cases (P3/P4)
 * take the roomiest FCA while it is below the hard caseload limit, else wait. Hub cases are
 * released, earliest (extended) filing date first, only into room under the cap, and are forced out
 * (over cap) at the maximum hold or at the filing date minus the margin.
 * Caps are `s.caps` as of today's `computeCaps`.
 */
export function allocateArea(s: ModelState, flow: CaseFlow, area: AreaState): void {
  const slack = 1 - s.scenario.national.workforce.hardCaseloadLimit / teamCap(s.scenario, area.index, LONG_TERM); // room above this (≤ 0) means below the hard limit
  assignAll(s, flow, area.stQueue, area.index * 2 + SHORT_TERM, Infinity);
  sortByTierThenFiling(area.ltQueue, s.cases);
  assignAll(s, flow, area.ltQueue, area.index * 2 + LONG_TERM, slack);
  if (area.hub.length > 0) releaseHub(s, flow, area);
}

/**
 * Assigns the queue's cases in order to the roomiest post of `group`, keeping the rest in
 * order. A case of tier 3 or more takes a post only when its room exceeds `slack` × its cap;
 * slack = Infinity takes every case.
 */
function assignAll(s: ModelState, flow: CaseFlow, queue: number[], group: number, slack: number): void {
  if (queue.length === 0) return;
  const tier = s.cases.tier, caps = s.caps, rooms = s.rooms;
  let kept = 0;
  let f = rooms.top(group); // only an assignment changes the answer
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (f >= 0 && (slack === Infinity || tier[id]! <= 2 || rooms.room(f) > caps[f]! * slack)) {
      flow.assign(id, f);
      f = rooms.top(group);
    } else {
      queue[kept++] = id;
    }
  }
  queue.length = kept;
}

function releaseHub(s: ModelState, flow: CaseFlow, area: AreaState): void {
  const { cases, sim, scenario, rooms } = s;
  const now = sim.now, p = scenario.protocol, group = area.index * 2 + LONG_TERM, hub = area.hub;
  hub.sort((a, b) => cases.filingDay[a]! - cases.filingDay[b]! || a - b);
  let kept = 0;
  let f = rooms.top(group);
  for (let i = 0; i < hub.length; i++) {
    const id = hub[i]!;
    const room = f >= 0 ? rooms.room(f) : -Infinity;
    const due = now >= cases.hubEntryDay[id]! + p.maxHoldWeeks * 7 || now >= cases.filingDay[id]! - p.filingMarginWeeks * 7;
    if (f >= 0 && (room > 0 || due)) {
      flow.leaveHub(area, id, room <= 0);
      flow.assign(id, f);
      f = rooms.top(group);
    } else {
      hub[kept++] = id;
    }
  }
  hub.length = kept;
}

/** Orders case ids by tier, then filing date, then id (so ties never depend on sort luck). */
function sortByTierThenFiling(ids: number[], cases: CaseStore): void {
  if (ids.length < 2) return;
  ids.sort((a, b) => cases.tier[a]! - cases.tier[b]! || cases.filingDay[a]! - cases.filingDay[b]! || a - b);
}
