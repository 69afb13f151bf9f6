/**
 * Statistics of a series of observations, one per event (a wait, a duration): count, mean,
 * variance by Welford's method, minimum and maximum. Empty: mean and variance are NaN.
 */
export class Tally {
  /** Number of observations. */
  count = 0;
  private m = 0;
  private s = 0;
  /** Smallest observation (Infinity when empty). */
  min = Infinity;
  /** Largest observation (−Infinity when empty). */
  max = -Infinity;

  /** Records one observation. */
  observe(x: number): void {
    const n = ++this.count;
    const delta = x - this.m;
    this.m += delta / n;
    this.s += delta * (x - this.m);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /** Mean of the observations (NaN when empty). */
  get mean(): number {
    return this.count > 0 ? this.m : NaN;
  }

  /** Sample variance, n − 1 denominator (NaN with fewer than two observations). */
  get variance(): number {
    return this.count > 1 ? this.s / (this.count - 1) : NaN;
  }

  /** Sum of the observations. */
  get sum(): number {
    return this.m * this.count;
  }

  /** Forgets every observation (for a warm-up). */
  reset(): void {
    this.count = 0; this.m = 0; this.s = 0; this.min = Infinity; this.max = -Infinity;
  }
}
