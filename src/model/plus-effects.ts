import type { RandomStreams } from "../kernel/index.js";
import { drawEffect } from "./effect-draw.js";
import type { EffectDistribution, Scenario } from "./scenario/index.js";

/** One replication's Cafcass Plus effect sizes. */
export interface PlusEffects {
  /** Added to the diversion probability of a Plus case. */
  readonly diversionUplift: number;
  /** Mean weeks cut from proceedings after a Plus case. */
  readonly durationReductionWeeks: number;
  /** Share of guardian hours saved in proceedings after a Plus case. */
  readonly guardianHoursReduction: number;
  /** Expert reports avoided per proceedings case after a Plus case. */
  readonly expertReportsReduction: number;
}

/** Cafcass Plus's effects as declared-intervention distributions (each a normal truncated to [min, max]). */
export function plusEffectDistributions(scenario: Scenario): Record<keyof PlusEffects, EffectDistribution> {
  const e = scenario.cafcassPlus.effects;
  const normal = (x: typeof e.diversionUplift): EffectDistribution => ({ dist: "normal", mean: x.mean, sd: x.sd, min: x.min, max: x.max });
  return {
    diversionUplift: normal(e.diversionUplift), durationReductionWeeks: normal(e.durationReductionWeeks),
    guardianHoursReduction: normal(e.guardianHoursReduction), expertReportsReduction: normal(e.expertReportsReduction),
  };
}

/**
 * Draws the effects, each from its own stream, so every arm of an appraisal (and every scenario
 * on the same seed) gets the same effects. The streams keep their original `plus/effects/…` names.
 */
export function drawPlusEffects(scenario: Scenario, streams: RandomStreams): PlusEffects {
  const d = plusEffectDistributions(scenario);
  const draw = (name: keyof PlusEffects): number => drawEffect(d[name], streams.stream(`plus/effects/${name}`));
  return {
    diversionUplift: draw("diversionUplift"), durationReductionWeeks: draw("durationReductionWeeks"),
    guardianHoursReduction: draw("guardianHoursReduction"), expertReportsReduction: draw("expertReportsReduction"),
  };
}
