import type { CaseStore } from "./case-store.js";
import type { CaseFlow } from "./case-flow.js";
import { roomiestFca } from "./capacity.js";
import type { AreaState, ModelState } from "./model-state.js";

/**
 * The daily allocation in one area. Work to first hearing, public law and urgent private law
 * (P1/P2) always go to the FCA with most room, over cap if need be. Less urgent cases (P3/P4)
 * take the roomiest FCA while it is below the hard caseload limit, else wait. Hub cases are
 * released, earliest (extended) filing date first, only into room under the cap, and are forced out
 * (over cap) at the maximum hold or at the filing date minus the margin.
 * `caps` holds each FCA's effective cap today.
 */
export function allocateArea(s: ModelState, flow: CaseFlow, area: AreaState, caps: Float64Array): void {
  const room = new Float64Array(1);
  const { hardCaseloadLimit, longTermCap } = s.scenario.national.workforce;
  const slack = 1 - hardCaseloadLimit / longTermCap; // room above this (≤ 0) means below the hard limit
  area.stQueue = assignAll(s, flow, area.stQueue, area.shortTerm, caps, room, () => true);
  sortByTierThenFiling(area.ltQueue, s.cases);
  area.ltQueue = assignAll(s, flow, area.ltQueue, area.longTerm, caps, room, (id, f) => s.cases.tier[id]! <= 2 || room[0]! > caps[f]! * slack);
  if (area.hub.length > 0) releaseHub(s, flow, area, caps, room);
}

function assignAll(s: ModelState, flow: CaseFlow, queue: number[], posts: readonly number[], caps: Float64Array, room: Float64Array, accept: (id: number, f: number) => boolean): number[] {
  if (queue.length === 0) return queue;
  const waiting: number[] = [];
  let f = roomiestFca(posts, s.fcas, caps, room); // only an assignment changes the answer
  for (const id of queue) {
    if (f >= 0 && accept(id, f)) {
      flow.assign(id, f);
      f = roomiestFca(posts, s.fcas, caps, room);
    } else {
      waiting.push(id);
    }
  }
  return waiting;
}

function releaseHub(s: ModelState, flow: CaseFlow, area: AreaState, caps: Float64Array, room: Float64Array): void {
  const { cases, sim, scenario } = s;
  const now = sim.now, p = scenario.protocol;
  area.hub.sort((a, b) => cases.filingDay[a]! - cases.filingDay[b]! || a - b);
  const kept: number[] = [];
  let f = roomiestFca(area.longTerm, s.fcas, caps, room);
  for (const id of area.hub) {
    const due = now >= cases.hubEntryDay[id]! + p.maxHoldWeeks * 7 || now >= cases.filingDay[id]! - p.filingMarginWeeks * 7;
    if (f >= 0 && (room[0]! > 0 || due)) {
      flow.leaveHub(area, id, room[0]! <= 0);
      flow.assign(id, f);
      f = roomiestFca(area.longTerm, s.fcas, caps, room);
    } else {
      kept.push(id);
    }
  }
  area.hub = kept;
}

/** Orders case ids by tier, then filing date, then id (so ties never depend on sort luck). */
export function sortByTierThenFiling(ids: number[], cases: CaseStore): void {
  if (ids.length < 2) return;
  ids.sort((a, b) => cases.tier[a]! - cases.tier[b]! || cases.filingDay[a]! - cases.filingDay[b]! || a - b);
}
