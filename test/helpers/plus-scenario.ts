import { PLUS_METRICS, plusIndex, plusOffset, resultShape, type PlusMetric, type ReplicationResult, type Scenario, type ScenarioInput } from "../../src/model/index.js";
import { smallScenario } from "./small-scenario.js";

/** The small scenario with Cafcass Plus live in North from the start and South in the roll-out. */
export function plusScenario(change: (plus: NonNullable<ScenarioInput["cafcassPlus"]>, s: ScenarioInput) => void = () => {}): Scenario {
  return smallScenario((s) => {
    const plus: NonNullable<ScenarioInput["cafcassPlus"]> = { sites: [{ area: "North", start: "2026-01-05" }], rollout: { areas: ["South"] } };
    change(plus, s);
    s.cafcassPlus = plus;
  });
}

/** Every effect fixed at `value` (sd 0). */
export function fixedEffects(value: { diversionUplift: number; durationReductionWeeks: number; guardianHoursReduction: number; expertReportsReduction: number }): NonNullable<NonNullable<ScenarioInput["cafcassPlus"]>["effects"]> {
  const fixed = (x: number) => ({ mean: x, sd: 0, min: x, max: x });
  return {
    diversionUplift: fixed(value.diversionUplift), durationReductionWeeks: fixed(value.durationReductionWeeks),
    guardianHoursReduction: fixed(value.guardianHoursReduction), expertReportsReduction: fixed(value.expertReportsReduction),
  };
}

/** One metric's weekly series for a row (area index; areas.length is national). */
export function plusSeries(scenario: Scenario, r: ReplicationResult, row: number, metric: PlusMetric): number[] {
  const shape = resultShape(scenario);
  return Array.from({ length: shape.weeks }, (_, w) => r.plus[plusOffset(shape, w, row, plusIndex(metric))]!);
}

/** One metric summed over the reporting weeks for a row. */
export function plusTotal(scenario: Scenario, r: ReplicationResult, row: number, metric: PlusMetric): number {
  return plusSeries(scenario, r, row, metric).reduce((a, b) => a + b, 0);
}

export { PLUS_METRICS };
