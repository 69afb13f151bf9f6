import { lognormal, uniform } from "../kernel/index.js";
import type { CaseFlow } from "./case-flow.js";
import { FURTHER, PUBLIC, WTFH } from "./case-store.js";
import { LONG_SICK } from "./fca-store.js";
import type { AreaState, ModelState } from "./model-state.js";
import type { Workforce } from "./workforce.js";

/**
 * Seeds each area with today's backlog from its aggregate counts: open cases with the weeks
 * they have already run (uniform over a drawn duration), hub contents with weeks held, and
 * FCAs already on long-term sickness. Streams: `initial/<area>`.
 */
export function seedInitialState(s: ModelState, flow: CaseFlow, workforce: Workforce): void {
  for (const area of s.areas) {
    const init = area.spec.initial;
    if (init === undefined) continue;
    const rng = s.streams.stream(`initial/${area.spec.name}`);
    const { durations, caseMix, workforce: w } = s.scenario.national;
    for (let i = 0; i < init.openPublic; i++) {
      const days = lognormal(rng, durations.public.meanWeeks * 7, durations.public.cv);
      flow.refer(area, PUBLIC, rng() * days, days);
    }
    for (let i = 0; i < init.openWtfh; i++) flow.refer(area, WTFH, rng() * durations.wtfhWeeks * 7);
    const further = (n: number, lessUrgentOnly: boolean, place: (id: number, workDays: number, age: number) => void): void => {
      for (let i = 0; i < n; i++) {
        const work = lognormal(rng, durations.furtherWork.meanWeeks * 7, durations.furtherWork.cv);
        const age = rng() * work;
        const tier = !lessUrgentOnly && rng() < caseMix.furtherWorkUrgentShare ? 2 : rng() < caseMix.lessUrgentP3Share ? 3 : 4;
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
      // With the protocol off there is no hub: those cases simply wait for an FCA.
      if (s.scenario.protocol.enabled) flow.enterHub(area, id, held);
      else area.ltQueue.push(id);
    });
    sickAtStart(area, init.fcasLongSick, w.sickness.longMeanDays, rng, workforce);
  }
}

function sickAtStart(area: AreaState, count: number, meanDays: number, rng: () => number, workforce: Workforce): void {
  for (const f of area.longTerm.slice(0, count)) workforce.startAbsence(f, LONG_SICK, rng() * 2 * meanDays);
}
