import { describe, expect, it } from "vitest";
import { compareWis, inProcessExecutor, relativeWis, runForecast, scoreHoldout, type HoldoutRow, type HoldoutScore, weeklyBand, weightedIntervalScore, type Observation } from "../../../src/experiment/index.js";
import { smallScenario } from "../../helpers/small-scenario.js";

describe("scoring held-out observations", () => {
  const intervals = [{ alpha: 0.5, lower: 7, upper: 9 }, { alpha: 0.1, lower: 5, upper: 12 }];

  it.each([
    ["inside both intervals", 8, 0.34], // (0 + 0.25·2 + 0.05·7) ÷ 2.5
    ["above the 50% interval", 10, 1.14], // (½·2 + 0.25·(2 + 4·1) + 0.05·7) ÷ 2.5
    ["below both", 3, 3.74], // (½·5 + 0.25·(2 + 4·4) + 0.05·(7 + 20·2)) ÷ 2.5
  ])("gives the weighted interval score by hand for an observation %s", (_, y, wis) => {
    expect(weightedIntervalScore(y, 8, intervals)).toBeCloseTo(wis, 12);
  });

  it("compares two forecasts by the geometric mean over measures of their mean-WIS ratios", () => {
    const score = (wis: Record<string, number>): HoldoutScore => ({
      after: "2026-01-01", rows: [], nationalCoverage50: NaN, nationalCoverage90: NaN, bandContent: "simulation-noise",
      fits: Object.entries(wis).map(([group, w]) => ({ group, observations: 1, coverage50: 0, coverage90: 0, wis: w, mape: NaN })),
    });
    // (400/800 · 2/1 · 0.3/0.3)^(1/3) = 1: halving one measure's score and doubling another's is a tie.
    expect(relativeWis(score({ a: 400, b: 2, c: 0.3 }), score({ a: 800, b: 1, c: 0.3 }))).toBeCloseTo(1, 12);
    // (1/4 · 1/1)^(1/2) = 0.5; both perfect on a measure is a tie.
    expect(relativeWis(score({ a: 1, b: 0 }), score({ a: 4, b: 0 }))).toBeCloseTo(0.5, 12);
    expect(relativeWis(score({ a: 1, b: 1 }), score({ a: 1, b: 0 }))).toBe(Infinity);
    expect(() => relativeWis(score({ a: 1 }), score({ b: 1 }))).toThrow("a is scored in one forecast only");
    // Weighed by observations: a measure observed 3 times halving its score outweighs one observed once doubling it.
    const counted = (wis: Record<string, number>, n: Record<string, number>): HoldoutScore => ({ ...score(wis), fits: score(wis).fits.map((f) => ({ ...f, observations: n[f.group]! })) });
    expect(relativeWis(counted({ a: 1, b: 2 }, { a: 3, b: 1 }), counted({ a: 2, b: 1 }, { a: 3, b: 1 }), "observation")).toBeCloseTo(Math.pow(0.5, 3 / 4) * Math.pow(2, 1 / 4), 12);
    expect(relativeWis(counted({ a: 1, b: 2 }, { a: 3, b: 1 }), counted({ a: 2, b: 1 }, { a: 3, b: 1 }))).toBeCloseTo(1, 12);
  });

  it("counts the held-out observations each forecast wins, loses and ties, and names measures observed once", () => {
    const row = (metric: HoldoutRow["metric"], date: string, wis: number): HoldoutRow => ({ date, metric, value: 0, source: "", week: 1, p5: 0, p25: 0, median: 0, p75: 0, p95: 0, in50: true, in90: true, wis });
    const scored = (rows: HoldoutRow[]): HoldoutScore => ({
      after: "2026-01-01", rows, nationalCoverage50: NaN, nationalCoverage90: NaN, bandContent: "simulation-noise",
      fits: [...new Set(rows.map((r) => r.metric))].map((group) => {
        const these = rows.filter((r) => r.metric === group);
        return { group, observations: these.length, coverage50: 0, coverage90: 0, wis: these.reduce((t, r) => t + r.wis, 0) / these.length, mape: NaN };
      }),
    });
    const a = scored([row("open_cases", "2026-02-01", 1), row("open_cases", "2026-03-01", 2), row("open_cases", "2026-04-01", 3), row("avg_caseload", "2026-02-01", 4)]);
    const b = scored([row("open_cases", "2026-02-01", 2), row("open_cases", "2026-03-01", 2), row("open_cases", "2026-04-01", 6), row("avg_caseload", "2026-02-01", 1)]);
    const c = compareWis(a, b);
    expect([c.better, c.worse, c.ties, c.unscored, c.measures, c.measuresObservedOnce]).toEqual([2, 1, 1, 0, 2, 1]);
    // open cases: mean 2 vs 10/3, observed 3 times; caseload: 4 vs 1, once.
    expect(c.byObservation).toBeCloseTo(Math.exp((3 * Math.log(0.6) + Math.log(4)) / 4), 12);
    expect(c.byMeasure).toBeCloseTo(Math.sqrt(0.6 * 4), 12);
    expect(() => compareWis(a, scored(b.rows.slice(1)))).toThrow("the forecasts score 4 and 3 held-out observations");
    expect(() => compareWis(a, scored([...b.rows.slice(1), b.rows[0]!]))).toThrow("held-out observation 1 is 2026-02-01||open_cases in one forecast and 2026-03-01||open_cases in the other");
    // A week with nothing to measure (NaN) is neither won nor lost.
    expect(compareWis(a, scored([row("open_cases", "2026-02-01", NaN), ...b.rows.slice(1)])).unscored).toBe(1);
  });

  it("scores only observations after the fit's date, inside the horizon, with band coverage per measure", async () => {
    const f = await runForecast(smallScenario((s) => (s.horizonWeeks = 20)), { replications: 8, seed: 1 }, inProcessExecutor());
    const [, p25 = NaN, median = NaN] = weeklyBand(f, 9, 2, "open_cases");
    const obs: Observation[] = [
      { date: "2026-02-02", metric: "open_cases", value: 1, source: "fitted (before --fit-until)" },
      { date: "2026-03-09", metric: "open_cases", value: median, source: "week 10, at the median" },
      { date: "2026-03-09", area: "North", metric: "open_cases", value: 0, source: "far below" },
      { date: "2027-03-09", metric: "open_cases", value: 5, source: "beyond the horizon" },
    ];
    const s = scoreHoldout(f, obs, "2026-02-28");
    expect(s.rows.map((r) => [r.week, r.in50, r.in90])).toEqual([[10, true, true], [10, false, false]]);
    expect(s.rows[0]!.p25).toBe(p25);
    expect(s.fits.map((x) => [x.group, x.observations, x.coverage50, x.coverage90])).toEqual([["open_cases@England", 1, 100, 100], ["open_cases@areas", 1, 0, 0]]);
    expect(s.fits[1]!.mape).toBeNaN(); // observed 0: no percentage error
    expect(s.nationalCoverage90).toBe(100);
    expect(s.bandContent).toBe("simulation-noise");
  });
});
