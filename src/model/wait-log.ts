import { Tally } from "../kernel/index.js";

/** Waits are histogrammed by whole day up to this many days (longer waits land in the last bin). */
export const WAIT_BINS = 1096;

/**
 * The waits of one kind (for allocation, or held in a hub) in one area of a replication: every
 * wait in weeks in a tally, by whole day in a histogram (for centiles), and the waits ended this
 * week (days) for the weekly mean and 90th centile.
 */
export class WaitLog {
  readonly tally = new Tally();
  readonly histogram = new Uint32Array(WAIT_BINS);
  readonly thisWeek: number[] = [];

  /** `weekly`: whether the waits ended this week are kept (for weekly centiles). */
  constructor(private readonly weekly: boolean) {}

  /** A wait that ended now, after `days`. */
  observe(days: number): void {
    this.observeCensored(days);
    if (this.weekly) this.thisWeek.push(days);
  }

  /** A wait still running at the horizon, counted at its length so far (so long waits are not lost). */
  observeCensored(days: number): void {
    this.tally.observe(days / 7);
    this.histogram[Math.min(WAIT_BINS - 1, Math.floor(days))]!++;
  }

  /** Forgets everything (the end of the warm-up). */
  reset(): void {
    this.tally.reset();
    this.histogram.fill(0);
    this.thisWeek.length = 0;
  }
}

/** The q-quantile (lower) of values binned by whole day, in days (NaN when empty). */
export function histogramQuantile(histogram: Uint32Array, q: number): number {
  let total = 0;
  for (let i = 0; i < histogram.length; i++) total += histogram[i]!;
  if (total === 0) return NaN;
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i]!;
    if (seen >= q * total) return i + 0.5;
  }
  return histogram.length;
}

/** The q-quantile (R-7, as d3) of a few values (NaN when empty). */
export function smallQuantile(of: readonly number[], q: number): number {
  const n = of.length;
  if (n === 0) return NaN;
  if (sorted.length < n) sorted = new Float64Array(2 * n);
  const values = sorted.subarray(0, n);
  for (let i = 0; i < n; i++) values[i] = of[i]!;
  values.sort();
  const h = (n - 1) * q, lo = Math.floor(h);
  return lo + 1 < n ? values[lo]! + (h - lo) * (values[lo + 1]! - values[lo]!) : values[lo]!;
}

/** Reused space for sorting. */
let sorted = new Float64Array(1024);
