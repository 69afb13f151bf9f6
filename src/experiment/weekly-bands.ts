import { quantileSorted } from "d3-array";
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
 */
export class WeeklyBands {
  private readonly exact: Float32Array;
  private readonly sketches: PSquareSketch[];
  private count = 0;

  constructor(private readonly cells: number, replications: number) {
    this.exact = new Float32Array(cells * Math.min(Math.max(1, replications), EXACT_REPLICATIONS));
    this.sketches = replications > EXACT_REPLICATIONS ? BAND_QUANTILES.map((p) => new PSquareSketch(cells, p)) : [];
  }

  /** Replications added so far. */
  get replications(): number {
    return this.count;
  }

  /** Adds one replication's weekly array. */
  add(weekly: Float64Array): void {
    if (weekly.length !== this.cells) throw new RangeError(`weekly array has ${weekly.length} cells, expected ${this.cells}`);
    if (this.count < EXACT_REPLICATIONS) this.exact.set(weekly, this.count * this.cells);
    for (const s of this.sketches) s.add(weekly);
    this.count++;
  }

  /** The quantiles of every cell: a Float64Array of cells × BAND_QUANTILES.length (NaN when empty). */
  quantiles(): Float64Array {
    const q = BAND_QUANTILES.length, out = new Float64Array(this.cells * q).fill(NaN);
    if (this.count === 0) return out;
    if (this.count > EXACT_REPLICATIONS) {
      for (let c = 0; c < this.cells; c++) this.sketches.forEach((s, i) => (out[c * q + i] = s.estimate(c)));
      return out;
    }
    const column = new Float64Array(this.count);
    // d3 reads any array-like; its types ask for an array.
    const sorted = column as unknown as number[];
    for (let c = 0; c < this.cells; c++) {
      for (let r = 0; r < this.count; r++) column[r] = this.exact[r * this.cells + c]!;
      column.sort();
      BAND_QUANTILES.forEach((p, i) => (out[c * q + i] = quantileSorted(sorted, p) ?? NaN));
    }
    return out;
  }
}
