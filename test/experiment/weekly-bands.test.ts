import { quantile, quantileSorted } from "d3-array";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXACT_REPLICATIONS, PSquareSketch, WeeklyBands } from "../../src/experiment/index.js";
import { normal, streamFor } from "../../src/kernel/index.js";

describe("WeeklyBands", () => {
  it("gives exact R-7 quantiles per cell up to the exact limit", () => {
    const bands = new WeeklyBands(2, 5);
    for (const [a, b] of [[1, 10], [2, 20], [3, 30], [4, 40], [5, 50]]) bands.add(Float64Array.of(a!, b!));
    expect(Array.from(bands.quantiles())).toEqual([1.2, 2, 3, 4, 4.8, 12, 20, 30, 40, 48]);
  });

  it("after every replication, gives what sorting each cell's float32 values would (NaN last, ties, negatives)", () => {
    const value = fc.oneof(fc.constant(Number.NaN), fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 12 }), fc.array(value, { minLength: 48, maxLength: 48 }), (cells, reps, pool) => {
      const bands = new WeeklyBands(cells, reps), seen: number[][] = Array.from({ length: cells }, () => []);
      for (let r = 0; r < reps; r++) {
        const weekly = Float64Array.from({ length: cells }, (_, c) => pool[(r * cells + c) % pool.length]!);
        bands.add(weekly);
        weekly.forEach((x, c) => seen[c]!.push(x));
        const expected = seen.flatMap((xs) => {
          const sorted = Float32Array.from(xs).sort() as unknown as number[];
          return [0.05, 0.25, 0.5, 0.75, 0.95].map((p) => quantileSorted(sorted, p)!);
        });
        expect(Array.from(bands.quantiles())).toEqual(expected);
      }
    }));
  });

  it("refuses more replications than it was sized for, at and below the exact limit", () => {
    for (const size of [2, EXACT_REPLICATIONS]) {
      const bands = new WeeklyBands(1, size);
      for (let r = 0; r < size; r++) bands.add(Float64Array.of(r));
      expect(() => bands.add(Float64Array.of(size))).toThrow(`the bands were sized for ${size} replications`);
    }
  });

  it("is NaN before any replication", () => {
    expect(Array.from(new WeeklyBands(1, 3).quantiles()).every(Number.isNaN)).toBe(true);
  });

  it("switches to P² sketches past the exact limit, close to the exact quantiles", () => {
    const n = EXACT_REPLICATIONS * 20, rng = streamFor(3, 0, "bands");
    const bands = new WeeklyBands(1, n), values: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = normal(rng, 10, 2);
      values.push(x);
      bands.add(Float64Array.of(x));
    }
    const exact = [0.05, 0.25, 0.5, 0.75, 0.95].map((p) => quantile(values, p)!);
    // P² is within a few hundredths of a standard deviation at n = 1000 (Jain & Chlamtac 1985)
    Array.from(bands.quantiles()).forEach((q, i) => expect(Math.abs(q - exact[i]!)).toBeLessThan(0.1 * 2));
  });
});

describe("PSquareSketch", () => {
  it("is exact for fewer than five observations", () => {
    const s = new PSquareSketch(1, 0.5);
    for (const x of [4, 1, 3]) s.add([x]);
    expect(s.estimate(0)).toBe(3);
  });

  it("tracks the median of a skewed stream", () => {
    const s = new PSquareSketch(1, 0.5), rng = streamFor(8, 0, "p2"), xs: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const x = -Math.log(1 - rng());
      xs.push(x);
      s.add([x]);
    }
    expect(Math.abs(s.estimate(0) - Math.LN2)).toBeLessThan(0.03);
    expect(Math.abs(s.estimate(0) - quantile(xs, 0.5)!)).toBeLessThan(0.03);
  });

  it("rejects a quantile outside (0, 1)", () => {
    expect(() => new PSquareSketch(1, 1)).toThrow("p must be in (0, 1) (got 1)");
  });
});
