import { lognormal, uniform, type Rng } from "../kernel/index.js";
import type { CaseFlow } from "./case-flow.js";
import { FURTHER, PUBLIC, WTFH } from "./case-store.js";
import { LONG_SICK } from "./fca-store.js";
import type { AreaState, ModelState } from "./model-state.js";
import type { Area, InitialCase } from "./scenario/index.js";

type AreaInitial = NonNullable<Area["initial"]>;
import type { Workforce } from "./workforce.js";

/**
 * Seeds today's backlog: open cases case by case (`initialCases`) or from each area's aggregate
 * counts (with the weeks they have already run, uniform over a drawn duration, and hub contents
 * with weeks held), then each area's FCAs already on long-term sickness and vacant posts.
 * Streams: `initial/cases`, `initial/<area>`.
 */
export function seedInitialState(s: ModelState, flow: CaseFlow, workforce: Workforce): void {
  if (s.scenario.initialCases !== undefined) seedInitialCases(s, flow, s.scenario.initialCases);
  for (const area of s.areas) {
    const init = area.spec.initial;
    if (init === undefined) continue;
    const rng = s.streams.stream(`initial/${area.spec.name}`);
    if (s.scenario.initialCases === undefined) seedAreaCases(s, flow, area, init, rng);
    seedWorkforce(s, area, init, rng, workforce);
  }
}

/** Seeds one area's open cases from its aggregate counts. */
function seedAreaCases(s: ModelState, flow: CaseFlow, area: AreaState, init: AreaInitial, rng: Rng): void {
  const { durations, caseMix } = s.scenario.national;
  for (let i = 0; i < init.openPublic; i++) {
    const days = lognormal(rng, durations.public.meanWeeks * 7, durations.public.cv);
    flow.refer(area, PUBLIC, rng() * days, days);
  }
  for (let i = 0; i < init.openWtfh; i++) flow.refer(area, WTFH, rng() * durations.wtfhWeeks * 7);
  const further = (n: number, lessUrgentOnly: boolean, place: (id: number, workDays: number, age: number) => void): void => {
    for (let i = 0; i < n; i++) {
      const work = lognormal(rng, durations.furtherWork.meanWeeks * 7, durations.furtherWork.cv);
      const age = rng() * work;
      const uUrgent = rng(), uP3 = rng(); // both drawn always, so the stream stays in step
      const tier = !lessUrgentOnly && uUrgent < caseMix.furtherWorkUrgentShare ? 2 : uP3 < caseMix.lessUrgentP3Share ? 3 : 4;
      const id = s.cases.create(FURTHER, tier, area.index, s.sim.now - age - durations.wtfhWeeks * 7);
      area.totals.referred++;
      s.cases.tier[id] = tier;
      s.cases.orderDay[id] = s.sim.now - age;
      s.cases.filingDay[id] = s.cases.orderDay[id]! + durations.filingWeeks * 7;
      place(id, work, age);
    }
  };
  further(init.openFurtherWork, false, (id, work, age) => {
    s.cases.remainingDays[id] = work - age;
    area.ltQueue.push(id);
  });
  further(init.awaitingAllocation, true, (id, work) => {
    s.cases.remainingDays[id] = work;
    area.ltQueue.push(id);
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
    if (s.scenario.protocol.enabled) flow.enterHub(area, id, held);
    else area.ltQueue.push(id);
  });
}

/** FCAs on long-term sickness (the first posts) and vacant posts (the last) at the start; agency posts are left alone. */
function seedWorkforce(s: ModelState, area: AreaState, init: AreaInitial, rng: Rng, workforce: Workforce): void {
  const posts = area.longTerm.filter((p) => !s.fcas[p]!.agency);
  const meanDays = s.scenario.national.workforce.sickness.longMeanDays;
  for (const f of posts.slice(0, init.fcasLongSick)) workforce.startAbsence(f, LONG_SICK, rng() * 2 * meanDays);
  if (init.vacantPosts > 0) for (const f of posts.slice(Math.max(init.fcasLongSick, posts.length - init.vacantPosts))) workforce.leave(f);
}

/** Seeds the backlog case by case; durations are drawn to outlast the weeks already run. Stream: `initial/cases`. */
function seedInitialCases(s: ModelState, flow: CaseFlow, rows: readonly InitialCase[]): void {
  const rng = s.streams.stream("initial/cases");
  const byName = new Map(s.areas.map((a) => [a.spec.name, a]));
  const { durations } = s.scenario.national;
  const outlasting = (meanWeeks: number, cv: number, age: number): number => {
    for (let i = 0; i < 20; i++) {
      const d = lognormal(rng, meanWeeks * 7, cv);
      if (d > age) return d;
    }
    return age + 7;
  };
  for (const row of rows) {
    const area = byName.get(row.area)!, age = row.weeksOpen * 7;
    if (row.kind === "public") flow.refer(area, PUBLIC, age, outlasting(durations.public.meanWeeks, durations.public.cv, age));
    else if (row.kind === "wtfh") flow.refer(area, WTFH, Math.min(age, durations.wtfhWeeks * 7));
    else {
      const work = outlasting(durations.furtherWork.meanWeeks, durations.furtherWork.cv, age);
      const id = s.cases.create(FURTHER, Math.max(2, row.tier), area.index, s.sim.now - age - durations.wtfhWeeks * 7);
      area.totals.referred++;
      s.cases.orderDay[id] = s.sim.now - age;
      s.cases.filingDay[id] = s.cases.orderDay[id]! + durations.filingWeeks * 7;
      s.cases.remainingDays[id] = row.status === "allocated" ? work - age : work;
      if (row.status === "hub" && s.scenario.protocol.enabled) flow.enterHub(area, id, row.weeksInHub * 7);
      else area.ltQueue.push(id);
    }
  }
}
