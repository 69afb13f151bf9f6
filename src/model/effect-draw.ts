import { truncatedNormal, uniform, type RandomStreams, type Rng } from "../kernel/index.js";
import type { EffectDistribution, Intervention } from "./scenario/index.js";

/** One draw of an intervention effect: a fixed value takes nothing from the stream. */
export function drawEffect(d: EffectDistribution, rng: Rng): number {
  switch (d.dist) {
    case "fixed": return d.value;
    case "uniform": return uniform(rng, d.min, d.max);
    case "normal": return truncatedNormal(rng, d.mean, d.sd, d.min, d.max);
  }
}

/** One replication's draws of a declared intervention's effects. */
export interface DrawnEffects { readonly durationWeeks: number; readonly expertReports: number; readonly guardianHoursShare: number }

/** Draws a declared intervention's effects, each from its own stream `intervention/<name>/effects/<effect>`. */
export function drawInterventionEffects(v: Intervention, streams: RandomStreams): DrawnEffects {
  const draw = (k: keyof DrawnEffects): number => drawEffect(v.effects[k], streams.stream(`intervention/${v.name}/effects/${k}`));
  return { durationWeeks: draw("durationWeeks"), expertReports: draw("expertReports"), guardianHoursShare: draw("guardianHoursShare") };
}
