import type { CaseStore } from "./case-store.js";
import type { CaseFlow } from "./case-flow.js";
import { LONG_TERM, SHORT_TERM } from "./fca-store.js";
import type { AreaState, ModelState } from "./model-state.js";

const EPS = 1e-9;

/**
 * The daily allocation in one area (the policy is described in national-schema.ts). Work to first
 * hearing always goes to the short-term FCA with most room. The unallocated queue is served in
 * order of tier, then filing date: each case goes to an FCA below its limit (its team's, else the
 * area's roomiest); the rest wait, unless they have waited the longest a service manager holds work
 * on duty, when the roomiest FCA takes them over the limit. Hub cases are then released, earliest (extended) filing date
 * first, into room under the cap, and
 * forced out (to the roomiest FCA, over cap if need be) at the maximum hold or the filing date
 * minus the margin. Caps are `s.caps` as of today's `computeCaps`.
 */
export function allocateArea(s: ModelState, flow: CaseFlow, area: AreaState): void {
  assignShortTerm(s, flow, area);
  if (area.ltQueue.length > 0) serveQueue(s, flow, area);
  if (area.hub.length > 0) releaseHub(s, flow, area);
}

/** How far over the cap a case may take an FCA: P1/P2, P3/P4 from the unallocated queue, or a release from the hub (room under the cap only). */
export type Reach = "urgent" | "less-urgent" | "hub";

/**
 * The FCA who takes case `id` now, or -1: under the team policy one of the case's team below the
 * limit for its reach (chosen by the team's rule), else the area's roomiest FCA if it is below the
 * limit (at once for P1/P2; for P3/P4 once they have waited `crossTeamAfterWeeks` for their own team).
 */
export function choosePost(s: ModelState, area: AreaState, id: number, reach: Reach): number {
  const rooms = s.rooms, top = rooms.top(area.index * 2 + LONG_TERM);
  if (top < 0) return -1;
  const a = s.allocation, w = s.weights[s.cases.kind[id]!]!;
  const over = reach === "urgent" ? a.urgentOver : reach === "less-urgent" ? a.lessUrgentOver : 0;
  if (rooms.room(top) + s.caps[top]! * over < w - EPS) return -1; // the roomiest cannot take it, so nobody can
  if (!a.byTeam) return top;
  // Urgent work is found an FCA across the area at once; less urgent work waits for its own team first,
  // unless the team has no posts left (all cut, or an agency team whose contract ended).
  const team = s.cases.team[id]!, waited = s.sim.now - s.cases.waitStart[id]!;
  const fallback = reach === "urgent" || area.teamOpen[team] === 0 || !(waited < a.crossTeamDays) ? top : -1;
  return teamPost(s, area, team, w, over, fallback);
}

/** The roomiest working long-term FCA in the area, room or not (-1 when nobody works). */
export function roomiestPost(s: ModelState, area: AreaState): number {
  return s.rooms.top(area.index * 2 + LONG_TERM);
}

/**
 * An FCA of team `t` who can take load `w` within the cap plus `over` × the cap, chosen at random
 * with weight (room within that limit)^balance: 0 is blind to caseloads, 1 in proportion to room,
 * large values the roomiest; `fallback` when none can take it.
 */
function teamPost(s: ModelState, area: AreaState, t: number, w: number, over: number, fallback: number): number {
  // Typed arrays read directly: this runs for every long-term allocation.
  const posts = area.teams[t]!, room = s.rooms.rooms, working = s.rooms.position, caps = s.caps, balance = s.allocation.balance, need = w - EPS;
  const weight = scratch.length >= posts.length ? scratch : (scratch = new Float64Array(posts.length * 2));
  let total = 0;
  for (let i = 0; i < posts.length; i++) {
    const f = posts[i]!, r = room[f]! + caps[f]! * over;
    const x = working[f]! < 0 || r < need ? 0 : balance === 2 ? r * r : balance === 1 ? r : balance === 0 ? 1 : Math.pow(r, balance);
    weight[i] = x;
    total += x;
  }
  if (total === 0) return fallback;
  let u = area.rng.allocate() * total;
  for (let i = 0; i < posts.length; i++) {
    u -= weight[i]!;
    if (u < 0 && weight[i]! > 0) return posts[i]!;
  }
  return fallback;
}

/** Weights of a team's posts, reused between calls. */
let scratch = new Float64Array(64);

function assignShortTerm(s: ModelState, flow: CaseFlow, area: AreaState): void {
  const queue = area.stQueue, group = area.index * 2 + SHORT_TERM;
  if (queue.length === 0 || s.rooms.top(group) < 0) return;
  for (const id of queue) flow.assign(id, s.rooms.top(group)); // short-term work is not long-term allocation: its waits are not counted
  queue.length = 0;
}

function serveQueue(s: ModelState, flow: CaseFlow, area: AreaState): void {
  const queue = area.ltQueue, { tier, waitStart } = s.cases;
  const longest = s.allocation.dutyDays, now = s.sim.now;
  sortCases(queue, s.cases, true);
  let kept = 0;
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    let f = choosePost(s, area, id, tier[id]! <= 2 ? "urgent" : "less-urgent");
    if (f < 0 && now - waitStart[id]! >= longest) {
      f = roomiestPost(s, area); // a service manager allocates it anyway, over the limit
      if (f >= 0) area.totals.dutyAllocations++;
    }
    if (f >= 0) flow.allocate(area, id, f);
    else queue[kept++] = id;
  }
  queue.length = kept;
}

function releaseHub(s: ModelState, flow: CaseFlow, area: AreaState): void {
  const { cases, sim } = s;
  const now = sim.now, p = area.rules, hub = area.hub;
  sortCases(hub, cases, false);
  let kept = 0;
  for (let i = 0; i < hub.length; i++) {
    const id = hub[i]!;
    const due = now >= cases.hubEntryDay[id]! + p.maxHoldWeeks * 7 || now >= cases.filingDay[id]! - p.filingMarginWeeks * 7;
    let f = choosePost(s, area, id, "hub");
    const forced = f < 0 && due;
    if (forced) f = roomiestPost(s, area);
    if (f >= 0) {
      flow.leaveHub(area, id, forced);
      flow.assign(id, f);
    } else {
      hub[kept++] = id;
    }
  }
  hub.length = kept;
}

/**
 * Orders case ids by tier (when `byTier`), then filing date, then their number within the area (so
 * ties never depend on sort luck, nor on other areas). Short, mostly sorted lists (the daily queue,
 * the hub) are insertion-sorted, with no comparator calls into the engine and no closure made per call.
 */
function sortCases(ids: number[], cases: CaseStore, byTier: boolean): void {
  const n = ids.length;
  if (n < 2) return;
  if (n > 64 && !isNearlySorted(ids, cases, byTier)) {
    ids.sort((a, b) => (before(cases, byTier, a, b) ? -1 : before(cases, byTier, b, a) ? 1 : 0));
    return;
  }
  for (let i = 1; i < n; i++) {
    const id = ids[i]!;
    let j = i - 1;
    while (j >= 0 && before(cases, byTier, id, ids[j]!)) {
      ids[j + 1] = ids[j]!;
      j--;
    }
    ids[j + 1] = id;
  }
}

/** Whether case `a` comes before case `b` in sortCases' order. */
function before(cases: CaseStore, byTier: boolean, a: number, b: number): boolean {
  const tier = cases.tier, filing = cases.filingDay;
  if (byTier && tier[a] !== tier[b]) return tier[a]! < tier[b]!;
  return filing[a] !== filing[b] ? filing[a]! < filing[b]! : cases.seq[a]! < cases.seq[b]!;
}

/** Whether at most a few entries are out of order (insertion sort is then linear). */
function isNearlySorted(ids: readonly number[], cases: CaseStore, byTier: boolean): boolean {
  let inversions = 0;
  for (let i = 1; i < ids.length; i++) if (before(cases, byTier, ids[i]!, ids[i - 1]!) && ++inversions > 16) return false;
  return true;
}
