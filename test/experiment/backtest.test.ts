import { describe, expect, it } from "vitest";
import { backtest, inProcessExecutor, runForecast, weeklyBand } from "../../src/experiment/index.js";
import { backtestText } from "../../src/report/index.js";
import { smallScenario } from "../helpers/small-scenario.js";

describe("backtest", () => {
  it("sets each observation in the horizon against its week's national band, with exact errors and coverage", async () => {
    const f = await runForecast(smallScenario((s) => (s.horizonWeeks = 10)), { replications: 5, seed: 1 }, inProcessExecutor());
    const band = weeklyBand(f, 3, 2, "open_cases"); // week 4 starts 21 days after 2026-01-05
    const b = backtest(f, [
      { date: "2026-01-26", metric: "open_cases", value: band[2]! * 1.1, source: "a" },
      { date: "2026-01-27", metric: "open_cases", value: band[2]!, source: "b" },
      { date: "2027-01-01", metric: "open_cases", value: 1, source: "after the horizon" },
    ]);
    expect(b.rows.map((r) => r.week)).toEqual([4, 4]);
    expect(b.rows[0]!.median).toBe(band[2]);
    expect(b.rows[0]!.absolutePercentageError).toBeCloseTo(0.1 / 1.1, 12);
    expect(b.rows[1]!.absolutePercentageError).toBe(0);
    expect(b.rows[1]!.withinBand).toBe(true);
    const [fit] = b.fits;
    expect([b.fits.length, fit!.metric, fit!.observations, fit!.coverage]).toEqual([1, "open_cases", 2, b.rows[0]!.withinBand ? 100 : 50]);
    expect(fit!.mape).toBeCloseTo((100 * (0.1 / 1.1)) / 2, 10);
    expect(b.bandContent).toBe("simulation noise only (fixed parameters)");
    expect(backtestText(b, "t").split("\n")[2]).toBe("Forecast: median and 90% band across replications, holding simulation noise only (fixed parameters).");
  });
});
