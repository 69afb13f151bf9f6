import { describe, expect, it } from "vitest";
import { Level, Tally } from "../../src/kernel/index.js";

describe("Tally", () => {
  it("gives count, mean, sample variance, min, max and sum exactly", () => {
    const t = new Tally();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) t.observe(x);
    expect([t.count, t.mean, t.variance, t.min, t.max, t.sum]).toEqual([8, 5, 32 / 7, 2, 9, 40]);
  });

  it("is NaN when empty and after a reset", () => {
    const t = new Tally();
    expect(t.mean).toBeNaN();
    t.observe(3);
    expect(t.variance).toBeNaN();
    t.reset();
    expect([t.count, t.mean, t.min, t.max]).toEqual([0, NaN, Infinity, -Infinity]);
  });

  it("stays accurate for large offsets (Welford)", () => {
    const t = new Tally();
    for (const x of [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) t.observe(x);
    expect(t.variance).toBe(30);
  });
});

describe("Level", () => {
  it("weights each value by the time it was held", () => {
    const l = new Level(0, 0);
    l.set(2, 4); // 0 for 2
    l.set(5, 1); // 4 for 3
    // then 1 for 5 up to t = 10: mean = (0·2 + 4·3 + 1·5) / 10 = 1.7
    expect(l.mean(10)).toBeCloseTo(1.7, 12);
    // E[x²] = (0 + 48 + 5) / 10 = 5.3; variance = 5.3 − 1.7² = 2.41
    expect(l.variance(10)).toBeCloseTo(2.41, 12);
    expect(l.integral(10)).toBeCloseTo(17, 12);
    expect([l.min, l.max, l.current]).toEqual([0, 4, 1]);
  });

  it("adds deltas and forgets history on reset", () => {
    const l = new Level(3, 0);
    l.add(1, 2);
    l.reset(4);
    expect(l.mean(4)).toBeNaN();
    l.add(6, -5);
    expect(l.mean(8)).toBeCloseTo(2.5, 12); // 5 for 2, 0 for 2
    expect(l.elapsed(8)).toBe(4);
  });

  it("refuses updates back in time", () => {
    const l = new Level(0, 5);
    expect(() => l.set(4, 1)).toThrow("level updated at 4, before its last change at 5");
  });
});
