import { normal, type Rng } from "../../kernel/index.js";

/** A multivariate normal perturbation kernel: zero mean, covariance given by its Cholesky factor. */
export interface Perturbation {
  /** Lower-triangular L with L·Lᵀ = the covariance (row-major, dimension × dimension). */
  readonly cholesky: readonly (readonly number[])[];
  /** Inverse of L, for densities. */
  readonly inverse: readonly (readonly number[])[];
}

/** The weighted covariance of points (rows) under weights that sum to 1. */
export function weightedCovariance(points: readonly (readonly number[])[], weights: readonly number[]): number[][] {
  const dim = points[0]?.length ?? 0;
  const mean = Array.from({ length: dim }, (_, k) => points.reduce((s, p, i) => s + weights[i]! * p[k]!, 0));
  return Array.from({ length: dim }, (_, a) => Array.from({ length: dim }, (_, b) =>
    points.reduce((s, p, i) => s + weights[i]! * (p[a]! - mean[a]!) * (p[b]! - mean[b]!), 0)));
}

/**
 * The kernel with covariance `scale` × cov (Beaumont et al. 2009 use twice the weighted
 * covariance). A degenerate direction (all particles equal in it) gets a tiny variance so the
 * factorisation stands.
 */
export function perturbation(cov: readonly (readonly number[])[], scale = 2): Perturbation {
  const n = cov.length;
  const jitter = 1e-12 * Math.max(1e-12, ...cov.map((row, i) => Math.abs(row[i]!)));
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = scale * cov[i]![j]! + (i === j ? jitter : 0);
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(sum, jitter)) : sum / l[j]![j]!;
    }
  }
  const inv = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    inv[i]![i] = 1 / l[i]![i]!;
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= l[i]![k]! * inv[k]![j]!;
      inv[i]![j] = sum / l[i]![i]!;
    }
  }
  return { cholesky: l, inverse: inv };
}

/** x + L·z with z standard normal. */
export function perturb(k: Perturbation, x: readonly number[], rng: Rng): number[] {
  const z = x.map(() => normal(rng, 0, 1));
  return x.map((xi, i) => xi + k.cholesky[i]!.reduce((s, lij, j) => s + lij * z[j]!, 0));
}

/** The kernel's log density at x given centre c, up to a constant shared by every pair. */
export function kernelLogDensity(k: Perturbation, x: readonly number[], c: readonly number[]): number {
  let q = 0;
  for (let i = 0; i < x.length; i++) {
    let y = 0;
    for (let j = 0; j <= i; j++) y += k.inverse[i]![j]! * (x[j]! - c[j]!);
    q += y * y;
  }
  return -0.5 * q;
}
