import { gamma } from "./continuous.js";
import { requireInteger, requireNonNegative, requireProbability } from "./guard.js";
import { logGamma } from "./log-gamma.js";
import type { Rng } from "./random-streams.js";

const INVERSION_LIMIT = 30;

/** A Bernoulli trial: true with probability p. */
export function bernoulli(rng: Rng, p: number): boolean {
  if (!(p >= 0 && p <= 1)) requireProbability("p", p);
  return rng() < p;
}

/** A Poisson count with the given mean: inversion below mean 30, Hörmann's PTRS above. */
export function poisson(rng: Rng, mean: number): number {
  if (!(mean >= 0) || mean === Infinity) requireNonNegative("mean", mean);
  if (mean < INVERSION_LIMIT) {
    let p = Math.exp(-mean), cdf = p, k = 0;
    const u = rng();
    while (u > cdf && p > 0) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }
  return poissonPtrs(rng, mean);
}

function poissonPtrs(rng: Rng, lam: number): number {
  const slam = Math.sqrt(lam), loglam = Math.log(lam);
  const b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5, v = rng(), us = 0.5 - Math.abs(u);
    const k = Math.floor((2 * a / us + b) * u + lam + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lam + k * loglam - logGamma(k + 1)) return k;
  }
}

/** A binomial count of successes in n trials: inversion when n·p < 30, Hörmann's BTRS otherwise. */
export function binomial(rng: Rng, n: number, p: number): number {
  requireInteger("n", n, 0, Number.MAX_SAFE_INTEGER);
  requireProbability("p", p);
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  if (n === 0 || p === 0) return 0;
  return n * p < INVERSION_LIMIT ? binomialInversion(rng, n, p) : binomialBtrs(rng, n, p);
}

function binomialInversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p, s = p / q, a = (n + 1) * s;
  let r = Math.pow(q, n), u = rng(), x = 0;
  while (u > r && x < n) {
    u -= r;
    x++;
    r *= a / x - s;
  }
  return x;
}

function binomialBtrs(rng: Rng, n: number, p: number): number {
  const q = 1 - p, spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq, a = -0.0873 + 0.0248 * b + 0.01 * p, c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b, alpha = (2.83 + 5.1 / b) * spq, lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p), h = logGamma(m + 1) + logGamma(n - m + 1);
  for (;;) {
    const u = rng() - 0.5, v = rng(), us = 0.5 - Math.abs(u);
    const k = Math.floor((2 * a / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    const lv = Math.log(v * alpha / (a / (us * us) + b));
    if (lv <= h - logGamma(k + 1) - logGamma(n - k + 1) + (k - m) * lpq) return k;
  }
}

/**
 * A negative binomial count of failures before `size` successes of probability p
 * (mean size·(1−p)/p), as a gamma–Poisson mixture so `size` may be fractional.
 */
export function negativeBinomial(rng: Rng, size: number, p: number): number {
  requireProbability("p", p);
  if (!(p > 0)) throw new RangeError(`p must be > 0 (got ${String(p)})`);
  if (p === 1) return 0;
  return poisson(rng, gamma(rng, size, (1 - p) / p));
}
