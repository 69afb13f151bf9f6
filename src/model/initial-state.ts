import { Lognormal, lognormalAbove, uniform, type Rng } from "../kernel/index.js";
import { choosePost, roomiestPost } from "./allocation.js";
import { teamFor } from "./area-posts.js";
import { computeCaps } from "./capacity.js";
import type { CaseFlow } from "./case-flow.js";
import { FURTHER, PUBLIC, WTFH } from "./case-store.js";
import { SHORT_TERM } from "./fca-store.js";
import type { AreaState, ModelState } from "./model-state.js";
import type { Area, InitialCase } from "./scenario/index.js";
import { seedWorkforce } from "./seed-workforce.js";
import type { Workforce } from "./workforce.js";

type AreaInitial = NonNullable<Area["initial"]>;

/**
 * Seeds today's state when a scenario starts from it (no warm-up): every area's posts (absent and
 * vacant at their steady shares, or as `initial` says), then open cases case by case
 * (`initialCases`) or from each area's aggregate counts. Cases already open have run part of
 * their course: a case open today is more likely a long one (length bias), so each is drawn from
 * the length-biased duration with its age uniform within it. Cases seeded as allocated are placed
 * with FCAs at once (over the cap if today's caseloads are); waiting and hub cases stay where they are.
 * Streams: `initial/<area>/workforce`, `initial/<area>`, `initial/cases`.
 */
export function seedInitialState(s: ModelState, flow: CaseFlow, workforce: Workforce, fromToday: boolean): void {
  if (fromToday) for (const area of s.areas) seedWorkforce(s, area, workforce);
  computeCaps(s, s.sim.now);
  if (s.scenario.initialCases !== undefined) seedInitialCases(s, flow, s.scenario.initialCases);
  else for (const area of s.areas) if (area.spec.initial !== undefined) seedAreaCases(s, flow, area, area.spec.initial, s.streams.stream(`initial/${area.spec.name}`));
}

/** Durations (days) drawn length-biased: a lognormal by mean and CV biased by length is the same lognormal with mean × (1 + CV²). */
function lengthBiased(meanDays: number, cv: number): Lognormal {
  return new Lognormal(meanDays * (1 + cv * cv), cv);
}

/** Gives a case seeded as allocated to an FCA now: one with room (over the cap up to the urgent limit), else the roomiest; else it waits. */
function placeSeeded(s: ModelState, flow: CaseFlow, area: AreaState, id: number): void {
  if (s.cases.kind[id] === WTFH) {
    const f = s.rooms.top(area.index * 2 + SHORT_TERM);
    if (f >= 0) flow.assign(id, f);
    else queue(s, id, area.stQueue);
    return;
  }
  const chosen = choosePost(s, area, id, "urgent"), f = chosen >= 0 ? chosen : roomiestPost(s, area);
  if (f >= 0) flow.assign(id, f);
  else queue(s, id, area.ltQueue);
}

function queue(s: ModelState, id: number, into: number[]): void {
  s.cases.waitStart[id] = s.sim.now;
  into.push(id);
}

/**
 * A further-work case ordered `age` days ago (after its work to first hearing) with `workDays` of FCA
 * work in all, counted as referred in its area, belonging to one of its teams.
 */
function furtherCase(s: ModelState, area: AreaState, tier: number, age: number, workDays: number): number {
  const { durations } = s.scenario.national, cases = s.cases;
  const id = cases.create(FURTHER, tier, area.index, s.sim.now - age - durations.wtfhWeeks * 7);
  area.totals.referred++;
  cases.orderDay[id] = s.sim.now - age;
  cases.filingDay[id] = cases.orderDay[id]! + durations.filingWeeks * 7;
  cases.team[id] = teamFor(area, area.rng.team);
  cases.remainingDays[id] = workDays;
  return id;
}

/** Holds a seeded case in the hub for `heldDays` (its order at least that old); with the protocol off there, it waits for an FCA instead. */
function seedInHub(s: ModelState, flow: CaseFlow, area: AreaState, id: number, heldDays: number): void {
  const cases = s.cases;
  if (s.sim.now - heldDays < cases.orderDay[id]!) {
    cases.orderDay[id] = s.sim.now - heldDays;
    cases.filingDay[id] = cases.orderDay[id]! + s.scenario.national.durations.filingWeeks * 7;
  }
  cases.waitStart[id] = cases.orderDay[id]!;
  if (area.rules.enabled) flow.enterHub(area, id, heldDays);
  else queue(s, id, area.ltQueue);
}

/** Seeds one area's open cases from its aggregate counts. */
function seedAreaCases(s: ModelState, flow: CaseFlow, area: AreaState, init: AreaInitial, rng: Rng): void {
  const { durations, caseMix } = s.scenario.national;
  const publicDays = lengthBiased(durations.public.meanWeeks * 7 * area.publicMultiplier, durations.public.cv);
  const furtherDays = lengthBiased(durations.furtherWork.meanWeeks * 7 * area.furtherMultiplier, durations.furtherWork.cv);
  for (let i = 0; i < init.openPublic; i++) {
    const days = publicDays.draw(rng);
    placeSeeded(s, flow, area, flow.refer(area, PUBLIC, rng() * days, days, true));
  }
  for (let i = 0; i < init.openWtfh; i++) placeSeeded(s, flow, area, flow.refer(area, WTFH, rng() * durations.wtfhWeeks * 7, undefined, true));
  const further = (n: number, lessUrgentOnly: boolean, place: (id: number, workDays: number, age: number) => void): void => {
    for (let i = 0; i < n; i++) {
      const work = furtherDays.draw(rng);
      const age = rng() * work;
      const uUrgent = rng(), uP3 = rng(); // both drawn always, so the stream stays in step
      const tier = !lessUrgentOnly && uUrgent < caseMix.furtherWorkUrgentShare ? 2 : uP3 < caseMix.lessUrgentP3Share ? 3 : 4;
      place(furtherCase(s, area, tier, age, work), work, age);
    }
  };
  further(init.openFurtherWork, false, (id, work, age) => {
    s.cases.remainingDays[id] = work - age;
    s.cases.waitStart[id] = NaN;
    placeSeeded(s, flow, area, id);
  });
  // Cases already waiting: how long they have waited is not known, so their waits count from today.
  further(init.awaitingAllocation, true, (id) => queue(s, id, area.ltQueue));
  // The time held is drawn either way, so the stream stays in step across scenarios.
  further(init.inHub, true, (id) => seedInHub(s, flow, area, id, uniform(rng, 0, init.hubMaxWeeksHeld * 7)));
}

/**
 * Seeds the backlog case by case; each duration is drawn given that it outlasts the weeks already
 * run (one draw, by inversion). Cases awaiting allocation wait from today, as their wait so far is
 * not given. Stream: `initial/cases`.
 */
function seedInitialCases(s: ModelState, flow: CaseFlow, rows: readonly InitialCase[]): void {
  const rng = s.streams.stream("initial/cases");
  const byName = new Map(s.areas.map((a) => [a.spec.name, a]));
  const { durations } = s.scenario.national;
  for (const row of rows) {
    const area = byName.get(row.area)!, age = row.weeksOpen * 7;
    if (row.kind === "public") {
      const id = flow.refer(area, PUBLIC, age, lognormalAbove(rng, durations.public.meanWeeks * 7 * area.publicMultiplier, durations.public.cv, age), true);
      if (row.status === "allocated") placeSeeded(s, flow, area, id);
      else queue(s, id, area.ltQueue);
    } else if (row.kind === "wtfh") {
      const id = flow.refer(area, WTFH, Math.min(age, durations.wtfhWeeks * 7), undefined, true);
      if (row.status === "allocated") placeSeeded(s, flow, area, id);
      else queue(s, id, area.stQueue);
    } else {
      const work = lognormalAbove(rng, durations.furtherWork.meanWeeks * 7 * area.furtherMultiplier, durations.furtherWork.cv, age);
      const id = furtherCase(s, area, Math.max(2, row.tier), age, row.status === "allocated" ? work - age : work);
      if (row.status === "hub") seedInHub(s, flow, area, id, row.weeksInHub * 7);
      else if (row.status === "allocated") {
        s.cases.waitStart[id] = NaN;
        placeSeeded(s, flow, area, id);
      } else queue(s, id, area.ltQueue);
    }
  }
}
