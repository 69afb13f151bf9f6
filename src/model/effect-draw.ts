import { truncatedNormal, uniform, type Rng } from "../kernel/index.js";
import type { EffectDistribution } from "./scenario/index.js";

/** One draw of an intervention effect: a fixed value takes nothing from the stream. */
export function drawEffect(d: EffectDistribution, rng: Rng): number {
  switch (d.dist) {
    case "fixed": return d.value;
    case "uniform": return uniform(rng, d.min, d.max);
    case "normal": return truncatedNormal(rng, d.mean, d.sd, d.min, d.max);
  }
}
