import { lognormal, uniform, type Rng } from "../kernel/index.js";
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

/** A duration (days) drawn length-biased: a lognormal by mean and CV biased by length is the same lognormal with mean × (1 + CV²). */
function lengthBiased(rng: Rng, meanDays: number, cv: number): number {
  return lognormal(rng, meanDays * (1 + cv * cv), cv);
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

/** Seeds one area's open cases from its aggregate counts. */
function seedAreaCases(s: ModelState, flow: CaseFlow, area: AreaState, init: AreaInitial, rng: Rng): void {
  const { durations, caseMix } = s.scenario.national;
  for (let i = 0; i < init.openPublic; i++) {
    const days = lengthBiased(rng, durations.public.meanWeeks * 7 * area.publicMultiplier, durations.public.cv);
    placeSeeded(s, flow, area, flow.refer(area, PUBLIC, rng() * days, days, true));
  }
  for (let i = 0; i < init.openWtfh; i++) placeSeeded(s, flow, area, flow.refer(area, WTFH, rng() * durations.wtfhWeeks * 7, undefined, true));
  const further = (n: number, lessUrgentOnly: boolean, place: (id: number, workDays: number, age: number) => void): void => {
    for (let i = 0; i < n; i++) {
      const work = lengthBiased(rng, durations.furtherWork.meanWeeks * 7 * area.furtherMultiplier, durations.furtherWork.cv);
      const age = rng() * work;
      const uUrgent = rng(), uP3 = rng(); // both drawn always, so the stream stays in step
      const tier = !lessUrgentOnly && uUrgent < caseMix.furtherWorkUrgentShare ? 2 : uP3 < caseMix.lessUrgentP3Share ? 3 : 4;
      const id = s.cases.create(FURTHER, tier, area.index, s.sim.now - age - durations.wtfhWeeks * 7);
      area.totals.referred++;
      s.cases.orderDay[id] = s.sim.now - age;
      s.cases.filingDay[id] = s.cases.orderDay[id]! + durations.filingWeeks * 7;
      s.cases.team[id] = teamFor(area);
      place(id, work, age);
    }
  };
  further(init.openFurtherWork, false, (id, work, age) => {
    s.cases.remainingDays[id] = work - age;
    s.cases.waitStart[id] = NaN;
    placeSeeded(s, flow, area, id);
  });
  // Cases already waiting: how long they have waited is not known, so their waits count from today.
  further(init.awaitingAllocation, true, (id, work) => {
    s.cases.remainingDays[id] = work;
    queue(s, id, area.ltQueue);
  });
  const heldDays = (): number => uniform(rng, 0, init.hubMaxWeeksHeld * 7);
  further(init.inHub, true, (id, work) => {
    s.cases.remainingDays[id] = work;
    const held = heldDays(); // drawn either way, so the stream stays in step across scenarios
    // A case enters the hub when its further work is ordered, so the order is at least as old.
    if (s.sim.now - held < s.cases.orderDay[id]!) {
      s.cases.orderDay[id] = s.sim.now - held;
      s.cases.filingDay[id] = s.cases.orderDay[id]! + durations.filingWeeks * 7;
    }
    // With the protocol off there is no hub: those cases simply wait for an FCA.
    if (area.rules.enabled) flow.enterHub(area, id, held);
    else queue(s, id, area.ltQueue);
  });
}

/**
 * Seeds the backlog case by case; durations are drawn to outlast the weeks already run (the residual
 * life given the age). Cases awaiting allocation wait from today, as their wait so far is not given.
 * Stream: `initial/cases`.
 */
function seedInitialCases(s: ModelState, flow: CaseFlow, rows: readonly InitialCase[]): void {
  const rng = s.streams.stream("initial/cases");
  const byName = new Map(s.areas.map((a) => [a.spec.name, a]));
  const { durations } = s.scenario.national;
  const outlasting = (meanDays: number, cv: number, age: number): number => {
    for (let i = 0; i < 20; i++) {
      const d = lognormal(rng, meanDays, cv);
      if (d > age) return d;
    }
    return age + 7;
  };
  for (const row of rows) {
    const area = byName.get(row.area)!, age = row.weeksOpen * 7;
    if (row.kind === "public") {
      const id = flow.refer(area, PUBLIC, age, outlasting(durations.public.meanWeeks * 7 * area.publicMultiplier, durations.public.cv, age), true);
      if (row.status === "allocated") placeSeeded(s, flow, area, id);
      else queue(s, id, area.ltQueue);
    } else if (row.kind === "wtfh") {
      const id = flow.refer(area, WTFH, Math.min(age, durations.wtfhWeeks * 7), undefined, true);
      if (row.status === "allocated") placeSeeded(s, flow, area, id);
      else queue(s, id, area.stQueue);
    } else {
      const work = outlasting(durations.furtherWork.meanWeeks * 7 * area.furtherMultiplier, durations.furtherWork.cv, age);
      const id = s.cases.create(FURTHER, Math.max(2, row.tier), area.index, s.sim.now - age - durations.wtfhWeeks * 7);
      area.totals.referred++;
      s.cases.orderDay[id] = s.sim.now - age;
      s.cases.filingDay[id] = s.cases.orderDay[id]! + durations.filingWeeks * 7;
      s.cases.team[id] = teamFor(area);
      s.cases.remainingDays[id] = row.status === "allocated" ? work - age : work;
      if (row.status === "hub" && area.rules.enabled) flow.enterHub(area, id, row.weeksInHub * 7);
      else if (row.status === "allocated") {
        s.cases.waitStart[id] = NaN;
        placeSeeded(s, flow, area, id);
      } else queue(s, id, area.ltQueue);
    }
  }
}
