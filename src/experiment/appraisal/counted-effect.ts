import { countedEffects, INTERVENTION_METRICS, interventionIndex, type Scenario } from "../../model/index.js";
import type { ArmFlows } from "./arm-flows.js";
import { PLUS } from "./arms.js";

/** An effect that changes only what is counted (not what happens): which intervention's, and which. */
export interface CountedInput {
  readonly intervention: string;
  readonly effect: "expertReports" | "guardianHoursShare";
}

const EXPERTS = interventionIndex("expert_reports"), GUARDIAN = interventionIndex("guardian_hours");
const SERVED = interventionIndex("served_proceedings"), SERVED_GUARDIAN = interventionIndex("served_guardian_base");

/**
 * An arm's flows as they would have been with a counted-only effect fixed at `value` instead of
 * what each replication drew (recomputed from its streams): served cases' expected expert reports
 * move by their proceedings, and their guardian hours by the hours they would have taken; nothing
 * else moves, as these effects change only what is counted. `slot` is where the intervention's
 * flows are among the arm's, `resultIndex` where it is among the replication's interventions, and
 * flows[k] is replication `first + k` of `scenarioFor`.
 */
export function withCountedEffect(flows: readonly ArmFlows[], slot: number, resultIndex: number, scenarioFor: (replication: number) => Scenario, seed: number, first: number, input: CountedInput, value: number): ArmFlows[] {
  const k = INTERVENTION_METRICS.length;
  return flows.map((arm, j) => {
    const scenario = scenarioFor(first + j), drawn = countedEffects(scenario, seed, first + j)[resultIndex]!;
    const series = Float64Array.from(arm.flows[slot]!);
    if (input.effect === "expertReports") {
      const perCase = input.intervention === PLUS ? scenario.cafcassPlus.proceedings.expertReportsPerCase : scenario.interventions.find((v) => v.name === input.intervention)!.proceedings.expertReportsPerCase;
      const shift = Math.max(0, perCase - value) - Math.max(0, perCase - drawn.expertReports);
      for (let w = 0; w < arm.weeks; w++) series[w * k + EXPERTS]! += series[w * k + SERVED]! * shift;
    } else {
      const shift = drawn.guardianHoursShare - value;
      for (let w = 0; w < arm.weeks; w++) series[w * k + GUARDIAN]! += series[w * k + SERVED_GUARDIAN]! * shift;
    }
    return { ...arm, flows: arm.flows.map((f, i) => (i === slot ? series : f)) };
  });
}
