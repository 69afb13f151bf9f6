import { requireFinite } from "./guard.js";

/**
 * A quantity that holds its value between changes (queue length, FCAs absent), with
 * time-weighted mean and variance, minimum and maximum. Sums are kept shifted by the value
 * held at the start (the shifted-data algorithm), which keeps the variance accurate without a
 * division on every change. Before any time has passed the mean is NaN.
 */
export class Level {
  private value: number;
  private since: number;
  private start: number;
  private shift: number;
  private sum = 0;
  private sumSquares = 0;
  /** Smallest value held. */
  min: number;
  /** Largest value held. */
  max: number;

  constructor(initialValue = 0, startTime = 0) {
    requireFinite("initialValue", initialValue);
    requireFinite("startTime", startTime);
    this.value = initialValue;
    this.since = startTime;
    this.start = startTime;
    this.shift = initialValue;
    this.min = initialValue;
    this.max = initialValue;
  }

  /** The value now held. */
  get current(): number {
    return this.value;
  }

  /** Changes the value at time `now` (not earlier than the last change). */
  set(now: number, value: number): void {
    const dt = now - this.since;
    if (!(dt >= 0)) throw new RangeError(`level updated at ${now}, before its last change at ${this.since}`);
    const d = this.value - this.shift;
    this.sum += d * dt;
    this.sumSquares += d * d * dt;
    this.since = now;
    this.value = value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /** Adds `delta` to the value at time `now`. */
  add(now: number, delta: number): void {
    this.set(now, this.value + delta);
  }

  /** Time-weighted mean from the start (or last reset) to `now`. */
  mean(now: number): number {
    const t = now - this.start;
    if (!(t > 0)) return NaN;
    return this.shift + this.shiftedSum(now) / t;
  }

  /** Time-weighted (population) variance from the start (or last reset) to `now`. */
  variance(now: number): number {
    const t = now - this.start;
    if (!(t > 0)) return NaN;
    const s = this.shiftedSum(now), d = this.value - this.shift;
    const ss = this.sumSquares + d * d * (now - this.since);
    return Math.max(0, (ss - (s * s) / t) / t);
  }

  /** Time-weighted integral of the value from the start (or last reset) to `now`. */
  integral(now: number): number {
    return this.shift * (now - this.start) + this.shiftedSum(now);
  }

  /** Length of time observed since the start or last reset. */
  elapsed(now: number): number {
    return now - this.start;
  }

  /** Forgets the history before `now`, keeping the current value (for a warm-up). */
  reset(now: number): void {
    this.since = now; this.start = now; this.shift = this.value;
    this.sum = 0; this.sumSquares = 0;
    this.min = this.value; this.max = this.value;
  }

  private shiftedSum(now: number): number {
    return this.sum + (this.value - this.shift) * (now - this.since);
  }
}
