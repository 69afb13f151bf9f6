import { gamma, logGamma, lognormal, normal, normalCdf, truncatedNormal, uniform, type Rng } from "../../kernel/index.js";
import type { PriorDistribution } from "../../model/index.js";

/** A draw from a prior. */
export function samplePrior(d: PriorDistribution, rng: Rng): number {
  switch (d.kind) {
    case "uniform": return uniform(rng, d.min, d.max);
    case "normal": return d.min === undefined && d.max === undefined ? normal(rng, d.mean, d.sd) : truncatedNormal(rng, d.mean, d.sd, d.min ?? -Infinity, d.max ?? Infinity);
    case "lognormal": return lognormal(rng, d.mean, d.cv);
    case "gamma": return gamma(rng, d.shape, 1 / d.rate);
  }
}

/**
 * The log density of a prior at x, up to a constant that depends on the prior only (so it
 * cancels in importance weights); −Infinity outside its support.
 */
export function priorLogDensity(d: PriorDistribution, x: number): number {
  if (!Number.isFinite(x)) return -Infinity;
  switch (d.kind) {
    case "uniform": return x >= d.min && x <= d.max ? 0 : -Infinity;
    case "normal":
      if ((d.min !== undefined && x < d.min) || (d.max !== undefined && x > d.max)) return -Infinity;
      return -0.5 * ((x - d.mean) / d.sd) ** 2;
    case "lognormal": {
      if (x <= 0) return -Infinity;
      const s2 = Math.log(1 + d.cv * d.cv), mu = Math.log(d.mean) - s2 / 2;
      return -Math.log(x) - (Math.log(x) - mu) ** 2 / (2 * s2);
    }
    case "gamma": return x <= 0 ? -Infinity : (d.shape - 1) * Math.log(x) - d.rate * x;
  }
}

/** The prior's probability density at x (normalised, truncation included), for drawing it. */
export function priorDensity(d: PriorDistribution, x: number): number {
  const log = priorLogDensity(d, x);
  if (log === -Infinity) return 0;
  switch (d.kind) {
    case "uniform": return 1 / (d.max - d.min);
    case "normal": {
      const mass = normalCdf(((d.max ?? Infinity) - d.mean) / d.sd) - normalCdf(((d.min ?? -Infinity) - d.mean) / d.sd);
      return Math.exp(log) / (d.sd * Math.sqrt(2 * Math.PI) * mass);
    }
    case "lognormal": {
      const s2 = Math.log(1 + d.cv * d.cv);
      return Math.exp(log) / Math.sqrt(2 * Math.PI * s2);
    }
    case "gamma": return Math.exp(log + d.shape * Math.log(d.rate) - logGamma(d.shape));
  }
}

/** The prior's support, for checking it against the field's own range. */
export function priorSupport(d: PriorDistribution): readonly [number, number] {
  switch (d.kind) {
    case "uniform": return [d.min, d.max];
    case "normal": return [d.min ?? -Infinity, d.max ?? Infinity];
    case "lognormal": case "gamma": return [0, Infinity];
  }
}
