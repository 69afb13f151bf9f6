import { PSquareSketch } from "./p-square.js";

/** The quantiles reported for every weekly metric. */
export const BAND_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Replications kept exactly; beyond this the bands come from P² sketches. */
export const EXACT_REPLICATIONS = 100;

/**
 * Collects one value per replication for every weekly cell (week × area × metric) and gives
 * each cell's 5/25/50/75/95% quantiles. Up to EXACT_REPLICATIONS the quantiles are exact
 * (d3's R-7 interpolation over float32 values); beyond, P² estimates. Both stores are sized
 * up front, so memory does not grow with the number of replications.
 *
 * Each cell's values are kept sorted as they arrive (an insertion a replication), so asking
 * for the bands after every replication, as a live forecast does, costs a read per quantile
 * rather than a sort of every cell: on the national baseline that sort took about 1 s of the
 * main thread's time over 20 replications, time taken from the workers on a 2-core machine.
 */
export class WeeklyBands {
  /** Cell c's values, sorted ascending with NaN last, in `sorted[c × room …]`. */
  private readonly sorted: Float32Array;
  private readonly room: number;
  private readonly sketches: PSquareSketch[];
  private count = 0;

  constructor(private readonly cells: number, replications: number) {
    this.room = Math.min(Math.max(1, replications), EXACT_REPLICATIONS);
    this.sorted = new Float32Array(cells * this.room);
    this.sketches = replications > EXACT_REPLICATIONS ? BAND_QUANTILES.map((p) => new PSquareSketch(cells, p)) : [];
  }

  /** Replications added so far. */
  get replications(): number {
    return this.count;
  }

  /** Adds one replication's weekly array. */
  add(weekly: Float64Array): void {
    if (weekly.length !== this.cells) throw new RangeError(`weekly array has ${weekly.length} cells, expected ${this.cells}`);
    if (this.count < this.room) this.insert(weekly);
    else if (this.sketches.length === 0) throw new RangeError(`the bands were sized for ${this.room} replications`);
    for (const s of this.sketches) s.add(weekly);
    this.count++;
  }

  /** Puts each cell's new value into its place among the cell's sorted values (the order of a typed array's sort). */
  private insert(weekly: Float64Array): void {
    const sorted = this.sorted, room = this.room, n = this.count;
    for (let c = 0, base = 0; c < this.cells; c++, base += room) {
      const v = Math.fround(weekly[c]!); // rounded to float32 as it is stored, then compared
      let i = base + n;
      if (v === v) {
        // Larger values and NaNs move up one; ties keep their order (equal values are interchangeable).
        while (i > base && !(sorted[i - 1]! <= v)) {
          sorted[i] = sorted[i - 1]!;
          i--;
        }
      }
      sorted[i] = v;
    }
  }

  /** The quantiles of every cell: a Float64Array of cells × BAND_QUANTILES.length (NaN when empty). */
  quantiles(): Float64Array {
    const q = BAND_QUANTILES.length, out = new Float64Array(this.cells * q);
    if (this.count === 0) return out.fill(NaN); // otherwise every entry is written below
    if (this.count > EXACT_REPLICATIONS) {
      for (let c = 0; c < this.cells; c++) this.sketches.forEach((s, i) => (out[c * q + i] = s.estimate(c)));
      return out;
    }
    const sorted = this.sorted, room = this.room, n = this.count;
    // d3's quantileSorted (R-7) at every cell, with its positions worked out once: every cell holds
    // n values, so each quantile reads the same two places in each (the test holds it to d3's own).
    const at = BAND_QUANTILES.map((p) => (n < 2 ? 0 : Math.floor((n - 1) * p)));
    const frac = BAND_QUANTILES.map((p, i) => (n < 2 ? 0 : (n - 1) * p - at[i]!));
    for (let c = 0, base = 0; c < this.cells; c++, base += room) {
      for (let i = 0; i < q; i++) {
        const v0 = sorted[base + at[i]!]!;
        out[c * q + i] = n < 2 ? v0 : v0 + (sorted[base + at[i]! + 1]! - v0) * frac[i]!;
      }
    }
    return out;
  }
}
