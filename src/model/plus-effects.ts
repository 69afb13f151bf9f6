import { truncatedNormal, type RandomStreams } from "../kernel/index.js";
import type { Scenario } from "./scenario/index.js";

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

/**
 * Draws the effects from their truncated normals, each from its own stream, so every arm of an
 * appraisal (and every scenario on the same seed) gets the same effects.
 */
export function drawPlusEffects(scenario: Scenario, streams: RandomStreams): PlusEffects {
  const e = scenario.cafcassPlus.effects;
  const draw = (name: keyof PlusEffects): number => {
    const d = e[name];
    return truncatedNormal(streams.stream(`plus/effects/${name}`), d.mean, d.sd, d.min, d.max);
  };
  return {
    diversionUplift: draw("diversionUplift"), durationReductionWeeks: draw("durationReductionWeeks"),
    guardianHoursReduction: draw("guardianHoursReduction"), expertReportsReduction: draw("expertReportsReduction"),
  };
}
