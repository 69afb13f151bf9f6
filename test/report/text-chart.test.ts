import { describe, expect, it } from "vitest";
import { axisRange, columnWeeks, compactNumber, fanChartRows, niceMax, sparkline } from "../../src/report/index.js";

describe("terminal charts", () => {
  it("draws a fan chart: 90% band light, 50% band medium, the median heavy", () => {
    const fan = { p5: [0, 1, 2, 3], p25: [1, 2, 3, 4], p50: [2, 3, 4, 5], p75: [3, 4, 5, 6], p95: [4, 5, 6, 7] };
    // Rows cover [6, 8], [4, 6), [2, 4), [0, 2) top down; a value on a boundary counts in the row below.
    expect(fanChartRows(fan, 4, 4, 4, 8)).toEqual([
      "   ░",
      " ░▒━",
      "▒━━▒",
      "━▒░ ",
    ]);
  });

  it("leaves weeks not yet simulated empty", () => {
    const fan = { p5: [1, NaN], p25: [1, NaN], p50: [1, NaN], p75: [1, NaN], p95: [1, NaN] };
    expect(fanChartRows(fan, 2, 2, 2, 2)).toEqual(["  ", "━ "]);
  });

  it("squeezes weeks into columns by taking the week at each column's middle", () => {
    expect(columnWeeks(260, 4)).toEqual([32, 97, 162, 227]);
    expect(columnWeeks(2, 4)).toEqual([0, 0, 1, 1]);
  });

  it("draws sparklines over a given range, NaN as a gap", () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8)).toBe("▁▂▃▄▅▆▇█");
    expect(sparkline([5, NaN, 5], 3, { min: 0, max: 10 })).toBe("▅ ▅");
    expect(sparkline([NaN], 3)).toBe("   ");
  });

  it("starts the axis at 0 unless every value is well away from it", () => {
    expect(axisRange(0, 153)).toEqual({ min: 0, max: 200 });
    expect(axisRange(16.8, 21.4)).toEqual({ min: 16, max: 22 });
    expect(axisRange(27_100, 38_400)).toEqual({ min: 20_000, max: 40_000 });
    expect(axisRange(5, 5)).toEqual({ min: 0, max: 5 });
  });

  it("labels axes with nice bounds and short numbers", () => {
    expect([0, 0.7, 18, 28.5, 101, 3400].map(niceMax)).toEqual([1, 0.8, 20, 30, 150, 4000]);
    expect([0, 7.25, 950, 3449, 27_459, 1_250_000, NaN].map(compactNumber)).toEqual(["0", "7.3", "950", "3.4k", "27k", "1.3M", "–"]);
  });
});
