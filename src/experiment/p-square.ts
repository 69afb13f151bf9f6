/**
 * Jain and Chlamtac's P² estimator of one quantile, for many cells at once, in fixed memory:
 * five marker heights and positions per cell, whatever the number of observations. Every cell
 * receives one observation per `add`, so the desired marker positions are shared.
 */
export class PSquareSketch {
  // float32 halves the memory; marker heights feed reports, not further arithmetic.
  private readonly heights: Float32Array;
  private readonly positions: Float32Array;
  private readonly increments: readonly number[];
  private readonly start: readonly number[];
  private count = 0;

  constructor(private readonly cells: number, private readonly p: number) {
    if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1) (got ${String(p)})`);
    this.heights = new Float32Array(cells * 5);
    this.positions = new Float32Array(cells * 5);
    this.increments = [0, p / 2, p, (1 + p) / 2, 1];
    this.start = [1, 1 + 2 * p, 1 + 4 * p, 3 + 2 * p, 5];
  }

  /** Adds one observation to every cell. */
  add(values: ArrayLike<number>): void {
    const n = this.count++;
    if (n < 5) {
      for (let c = 0; c < this.cells; c++) this.heights[c * 5 + n] = values[c]!;
      if (n === 4) this.initialise();
      return;
    }
    const desired = this.start.map((s, i) => s + (n - 4) * this.increments[i]!);
    for (let c = 0; c < this.cells; c++) this.update(c * 5, values[c]!, desired);
  }

  /** The estimated quantile of each cell (exact, by sorting, while fewer than five observations). */
  estimate(cell: number): number {
    const at = cell * 5;
    if (this.count >= 5) return this.heights[at + 2]!;
    if (this.count === 0) return NaN;
    const sorted = Array.from(this.heights.subarray(at, at + this.count)).sort((a, b) => a - b);
    const h = (this.count - 1) * this.p, lo = Math.floor(h);
    return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, this.count - 1)] ?? sorted[lo]!) - sorted[lo]!);
  }

  private initialise(): void {
    for (let c = 0; c < this.cells; c++) {
      const at = c * 5;
      const sorted = Array.from(this.heights.subarray(at, at + 5)).sort((a, b) => a - b);
      for (let i = 0; i < 5; i++) {
        this.heights[at + i] = sorted[i]!;
        this.positions[at + i] = i + 1;
      }
    }
  }

  private update(at: number, x: number, desired: readonly number[]): void {
    const q = this.heights, n = this.positions;
    let k: number;
    if (x < q[at]!) {
      q[at] = x;
      k = 0;
    } else if (x >= q[at + 4]!) {
      q[at + 4] = x;
      k = 3;
    } else {
      k = 0;
      while (k < 3 && x >= q[at + k + 1]!) k++;
    }
    for (let i = k + 1; i < 5; i++) n[at + i]!++;
    for (let i = 1; i <= 3; i++) {
      const d = desired[i]! - n[at + i]!;
      if ((d >= 1 && n[at + i + 1]! - n[at + i]! > 1) || (d <= -1 && n[at + i - 1]! - n[at + i]! < -1)) {
        const s = Math.sign(d);
        const candidate = this.parabolic(at, i, s);
        q[at + i] = q[at + i - 1]! < candidate && candidate < q[at + i + 1]! ? candidate : q[at + i]! + (s * (q[at + i + s]! - q[at + i]!)) / (n[at + i + s]! - n[at + i]!);
        n[at + i]! += s;
      }
    }
  }

  private parabolic(at: number, i: number, d: number): number {
    const q = this.heights, n = this.positions;
    const [qm, q0, qp] = [q[at + i - 1]!, q[at + i]!, q[at + i + 1]!];
    const [nm, n0, np] = [n[at + i - 1]!, n[at + i]!, n[at + i + 1]!];
    return q0 + (d / (np - nm)) * ((n0 - nm + d) * (qp - q0) / (np - n0) + (np - n0 - d) * (q0 - qm) / (n0 - nm));
  }
}
