import { quantileSorted } from "d3-array";

/** The quantiles reported for every weekly metric. */
export const BAND_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/**
 * Collects one value per replication for every weekly cell (week × area × metric) and gives
 * each cell's 5/25/50/75/95% quantiles (d3's R-7 interpolation). Values are kept as float32
 * in one buffer, replication-major.
 */
export class WeeklyBands {
  private buffer: Float32Array;
  private count = 0;

  constructor(private readonly cells: number, expectedReplications: number) {
    this.buffer = new Float32Array(cells * Math.max(1, expectedReplications));
  }

  /** Replications added so far. */
  get replications(): number {
    return this.count;
  }

  /** Adds one replication's weekly array. */
  add(weekly: Float64Array): void {
    if (weekly.length !== this.cells) throw new RangeError(`weekly array has ${weekly.length} cells, expected ${this.cells}`);
    if ((this.count + 1) * this.cells > this.buffer.length) {
      const grown = new Float32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer.set(weekly, this.count * this.cells);
    this.count++;
  }

  /** The quantiles of every cell: a Float64Array of cells × BAND_QUANTILES.length (NaN when empty). */
  quantiles(): Float64Array {
    const q = BAND_QUANTILES.length, out = new Float64Array(this.cells * q).fill(NaN);
    if (this.count === 0) return out;
    const column = new Float64Array(this.count);
    for (let c = 0; c < this.cells; c++) {
      for (let r = 0; r < this.count; r++) column[r] = this.buffer[r * this.cells + c]!;
      column.sort();
      // d3 reads any array-like; its types ask for an array.
      const sorted = column as unknown as number[];
      BAND_QUANTILES.forEach((p, i) => (out[c * q + i] = quantileSorted(sorted, p) ?? NaN));
    }
    return out;
  }
}
