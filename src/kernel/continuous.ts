import { requireFinite, requireNonNegative, requirePositive } from "./guard.js";
import { normalCdf, normalQuantile } from "./normal-quantile.js";
import type { Rng } from "./random-streams.js";

/** A uniform draw in [min, max). */
export function uniform(rng: Rng, min: number, max: number): number {
  if (!(min <= max) || !Number.isFinite(max - min)) {
    throw new RangeError(`uniform needs finite min ≤ max (got min ${String(min)}, max ${String(max)})`);
  }
  return min + (max - min) * rng();
}

/** An exponential draw with the given rate (mean 1/rate), by inversion. */
export function exponential(rng: Rng, rate: number): number {
  if (!(rate > 0) || rate === Infinity) requirePositive("rate", rate);
  return -Math.log(1 - rng()) / rate;
}

/** A normal draw, by inversion (one uniform per draw). */
export function normal(rng: Rng, mean: number, sd: number): number {
  requireFinite("mean", mean);
  requireNonNegative("sd", sd);
  return mean + sd * normalQuantile(openUniform(rng));
}

/** A normal draw conditioned on [lower, upper], by inversion within the bounds' CDF range. */
export function truncatedNormal(rng: Rng, mean: number, sd: number, lower: number, upper: number): number {
  requireFinite("mean", mean);
  requireNonNegative("sd", sd);
  if (Number.isNaN(lower) || Number.isNaN(upper) || !(lower <= upper)) {
    throw new RangeError(`truncatedNormal needs lower ≤ upper (got lower ${String(lower)}, upper ${String(upper)})`);
  }
  if (sd === 0) return Math.min(upper, Math.max(lower, mean));
  const lo = normalCdf((lower - mean) / sd), hi = normalCdf((upper - mean) / sd);
  const x = mean + sd * normalQuantile(lo + (hi - lo) * openUniform(rng));
  return Math.min(upper, Math.max(lower, x)); // guards rounding at the bounds
}

/** A lognormal draw with the given mean and coefficient of variation (sd / mean). */
export function lognormal(rng: Rng, mean: number, cv: number): number {
  requirePositive("mean", mean);
  requireNonNegative("cv", cv);
  const sigma2 = Math.log(1 + cv * cv);
  return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * normalQuantile(openUniform(rng)));
}

/** A lognormal by mean and CV with its log-scale parameters worked out once, for a hot path's repeated draws. */
export class Lognormal {
  private readonly mu: number;
  private readonly sigma: number;

  constructor(mean: number, cv: number) {
    requirePositive("mean", mean);
    requireNonNegative("cv", cv);
    const sigma2 = Math.log(1 + cv * cv);
    this.mu = Math.log(mean) - sigma2 / 2;
    this.sigma = Math.sqrt(sigma2);
  }

  /** A draw: the very number `lognormal(rng, mean, cv)` would give. */
  draw(rng: Rng): number {
    return this.at(openUniform(rng));
  }

  /** The draw a uniform `u` in (0, 1) gives: a caller can take the uniform always and work the value out only when it needs it. */
  at(u: number): number {
    return Math.exp(this.mu + this.sigma * normalQuantile(u));
  }
}

/** The u-quantile of a lognormal by mean and CV (u clamped inside (0, 1)): a draw from a uniform the caller already holds. */
export function lognormalQuantile(u: number, mean: number, cv: number): number {
  requirePositive("mean", mean);
  requireNonNegative("cv", cv);
  const sigma2 = Math.log(1 + cv * cv);
  return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, u))));
}

/** A lognormal draw by mean and CV conditioned to exceed `above`, by inversion (one uniform; `above` itself when it is beyond reach). */
export function lognormalAbove(rng: Rng, mean: number, cv: number, above: number): number {
  requirePositive("mean", mean);
  requireNonNegative("cv", cv);
  if (cv === 0) return Math.max(mean, above);
  const sigma = Math.sqrt(Math.log(1 + cv * cv)), mu = Math.log(mean) - (sigma * sigma) / 2;
  const floor = above > 0 ? normalCdf((Math.log(above) - mu) / sigma) : 0;
  const u = floor + (1 - floor) * openUniform(rng);
  return Math.max(above, Math.exp(mu + sigma * normalQuantile(Math.min(1 - 1e-12, u))));
}

/** A gamma draw with shape k and scale θ (mean kθ), by Marsaglia and Tsang's method. */
export function gamma(rng: Rng, shape: number, scale: number): number {
  requirePositive("shape", shape);
  requirePositive("scale", scale);
  if (shape < 1) return gamma(rng, shape + 1, scale) * Math.pow(openUniform(rng), 1 / shape);
  const d = shape - 1 / 3, c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(openUniform(rng));
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0, u = openUniform(rng);
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** A uniform draw in the open interval (0, 1), for transforms that are infinite at 0. */
export function openUniform(rng: Rng): number {
  let u = rng();
  while (u === 0) u = rng();
  return u;
}
