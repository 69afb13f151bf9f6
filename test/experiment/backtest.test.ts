import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { backtest, inProcessExecutor, parseObservationsCsv, runForecast, weeklyBand } from "../../src/experiment/index.js";
import { addDays } from "../../src/model/index.js";
import { backtestText } from "../../src/report/index.js";
import { loadScenario } from "../helpers/load-scenario.js";
import { smallScenario } from "../helpers/small-scenario.js";

describe("backtest", () => {
  it("sets each national observation in the horizon against its week's national band, with exact errors and coverage", async () => {
    const f = await runForecast(smallScenario((s) => (s.horizonWeeks = 10)), { replications: 5, seed: 1 }, inProcessExecutor());
    const band = weeklyBand(f, 3, 2, "open_cases"); // week 4 starts 21 days after 2026-01-05
    const b = backtest(f, [
      { date: "2026-01-26", metric: "open_cases", value: band[2]! * 1.1, source: "a" },
      { date: "2026-01-27", metric: "open_cases", value: band[2]!, source: "b" },
      { date: "2027-01-01", metric: "open_cases", value: 1, source: "after the horizon" },
      { date: "2026-01-26", area: "North", metric: "open_cases", value: 1, source: "an area's: left out" },
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

  it("fits the covid-2020 back-test: open cases and caseloads within 5% MAPE, the 2021 peak in its quarter, areas with a hub within 50%", async () => {
    const f = await runForecast(loadScenario("covid-2020.json"), { replications: 8, seed: 1 }, inProcessExecutor());
    const b = backtest(f, parseObservationsCsv(readFileSync(new URL("../../observations/cafcass-published.csv", import.meta.url), "utf8"), "cafcass-published.csv"));
    const fit = (metric: string) => b.fits.find((x) => x.metric === metric)!;
    expect(fit("open_cases").mape).toBeLessThanOrEqual(5);
    expect(fit("avg_caseload").mape).toBeLessThanOrEqual(5);
    expect(fit("protocol_active").mape).toBeLessThanOrEqual(50);
    // The national open-case median peaks within 10% of 38,200 (Apr 2021), in April–June 2021.
    const national = f.shape.areas.length, medians = Array.from({ length: f.shape.weeks }, (_, w) => weeklyBand(f, w, national, "open_cases")[2]!);
    const peak = Math.max(...medians), at = addDays(f.scenario.startDate, 7 * (medians.indexOf(peak) + 1));
    expect(Math.abs(peak / 38_200 - 1)).toBeLessThanOrEqual(0.1);
    expect(at >= "2021-04-01" && at < "2021-07-01", `peak ${peak} on ${at}`).toBe(true);
    // Areas with a hub open in Dec 2023 and Jan 2025 (2 observed each time) within ±2.
    for (const row of b.rows.filter((r) => r.metric === "protocol_active" && r.date >= "2023-01-01")) expect(Math.abs(row.median - row.value)).toBeLessThanOrEqual(2);
  });
});
