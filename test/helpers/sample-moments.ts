import { expect } from "vitest";

/** Draws n values from `draw`. */
export function sample(n: number, draw: () => number): number[] {
  return Array.from({ length: n }, draw);
}

/**
 * Asserts the sample mean is within 4 standard errors of `expected` (a 99.99% interval), with
 * the standard error estimated from the sample itself.
 */
export function expectMeanNear(xs: readonly number[], expected: number): void {
  const n = xs.length, m = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1));
  const halfWidth = (4 * sd) / Math.sqrt(n);
  expect(Math.abs(m - expected), `mean ${m} vs ${expected} ± ${halfWidth}`).toBeLessThanOrEqual(halfWidth);
}

/** Asserts the sample variance is within 4 standard errors of `expected` (se from the fourth central moment). */
export function expectVarianceNear(xs: readonly number[], expected: number): void {
  const n = xs.length, m = xs.reduce((a, b) => a + b, 0) / n;
  const m2 = xs.reduce((a, x) => a + (x - m) ** 2, 0) / n;
  const m4 = xs.reduce((a, x) => a + (x - m) ** 4, 0) / n;
  const halfWidth = 4 * Math.sqrt((m4 - m2 * m2) / n);
  expect(Math.abs(m2 - expected), `variance ${m2} vs ${expected} ± ${halfWidth}`).toBeLessThanOrEqual(halfWidth);
}
