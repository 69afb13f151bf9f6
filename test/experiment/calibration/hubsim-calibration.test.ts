import { describe, expect, it } from "vitest";
import { abcSmc, fittedObservations, hubsimProblem, inProcessExecutor, parameterSummary, priorProblems, scenarioWith, type AbcState, type Observation } from "../../../src/experiment/index.js";
import { resultShape, runReplication, weeklyOffset, WEEKLY_METRICS, type Prior, type WeeklyMetric } from "../../../src/model/index.js";
import { smallScenario } from "../../helpers/small-scenario.js";

const uniform = (path: string, min: number, max: number): Prior => ({ path, distribution: { kind: "uniform", min, max }, source: "test" });

describe("fitting hubsim", () => {
  const s = smallScenario((d) => (d.horizonWeeks = 39));

  it("uses the observations dated up to --until inside the horizon, located by week and row", () => {
    const obs: Observation[] = [
      { date: "2025-12-31", metric: "open_cases", value: 1, source: "before the start" },
      { date: "2026-01-05", metric: "open_cases", value: 2, source: "week 1" },
      { date: "2026-03-02", area: "South", metric: "avg_caseload", value: 3, source: "week 9" },
      { date: "2026-06-01", metric: "open_cases", value: 4, source: "after --until" },
    ];
    const used = fittedObservations(s, obs, "2026-05-31");
    expect(used.map((o) => [o.value, o.week, o.row])).toEqual([[2, 0, 2], [3, 8, 1]]);
    expect(() => fittedObservations(s, obs, "2027-01-01")).toThrow("--until 2027-01-01 is outside small's span (2026-01-05 for 39 weeks)");
    expect(() => fittedObservations(s, obs.slice(0, 1), "2026-05-31")).toThrow("no observation falls between 2026-01-05 and --until 2026-05-31");
  });

  it("names every prior it cannot use: no such field, not a number, outside the schema's range, a whole-number field", () => {
    expect(priorProblems(s, [
      uniform("national.durations.public.meanWeeks", 30, 50),
      uniform("national.durations.public.meenWeeks", 30, 50),
      uniform("name", 0, 1),
      uniform("national.workforce.attrition.perYear", -0.1, 0.3),
      uniform("protocol.maxHoldWeeks", 4, 20),
    ])).toEqual([
      "priors[1] (national.durations.public.meenWeeks): not a numeric field of the scenario (no such field)",
      "priors[2] (name): not a numeric field of the scenario",
      expect.stringMatching(/^priors\[3\] \(national\.workforce\.attrition\.perYear\): the prior reaches -0\.1000, which the scenario refuses \(national\.workforce\.attrition\.perYear must be at least 0\)$/),
      expect.stringMatching(/^priors\[4\] \(protocol\.maxHoldWeeks\): the prior reaches \d+\.\d+, which the scenario refuses \(protocol\.maxHoldWeeks must be a whole number\)$/),
    ]);
  });

  it("averages a parameter set's summaries over its replications, seeded apart from every other set's; one replication per set is as before", async () => {
    const priors = [uniform("national.durations.public.meanWeeks", 30, 56)];
    const obs: Observation[] = [{ date: "2026-03-02", metric: "open_cases", value: 1, source: "week 8" }, { date: "2026-03-02", area: "South", metric: "fcas_absent", value: 1, source: "week 8" }];
    const used = fittedObservations(s, obs, "2026-03-31"), shape = resultShape(s);
    const short = { ...scenarioWith(s, priors.map((p) => p.path), [44]), horizonWeeks: 9 };
    const read = (replication: number): number[] => {
      const w = runReplication(short, 7, replication).weekly;
      return used.map((o) => w[weeklyOffset(shape, o.week, o.row, WEEKLY_METRICS.indexOf(o.metric))]!);
    };
    const proposal = { generation: 2, index: 5, theta: [44] };
    const [three] = await hubsimProblem(s, priors, used, inProcessExecutor(), 7, 3).simulate([proposal]);
    const runs = [0, 1, 2].map((j) => read(2_000_000_000 + 15 + j));
    expect(three).toEqual(used.map((_, i) => (runs[0]![i]! + runs[1]![i]! + runs[2]![i]!) / 3));
    const [one] = await hubsimProblem(s, priors, used, inProcessExecutor(), 7).simulate([proposal]);
    expect(one).toEqual(read(2_000_000_005));
    // Three runs of one week-8 count: their mean differs from the first alone unless all three agree.
    expect(new Set(runs.map((r) => r[0])).size).toBeGreaterThan(1);
  });

  it("recovers known parameters from 13 weeks of five series it simulated itself: each true value inside its posterior's central 90% for at least 4 of 5", async () => {
    const priors = [
      uniform("areas[0].demand.privatePerWeek", 20, 40),
      uniform("national.durations.public.meanWeeks", 30, 56),
      uniform("areas[1].fca.longTermFte", 15, 30),
      uniform("national.workforce.sickness.shortPerFteYear", 1, 5),
      uniform("national.workforce.attrition.perYear", 0.05, 0.3),
    ];
    const truth = [30, 43, 22, 2.7, 0.15];
    const world = scenarioWith(s, priors.map((p) => p.path), truth), shape = resultShape(world);
    const observed = runReplication(world, 12345, 0).weekly;
    const series: [WeeklyMetric, number][] = [["open_cases", 0], ["open_cases", 1], ["avg_caseload", 1], ["fcas_absent", 2], ["fcas_vacant", 2]];
    const observations: Observation[] = Array.from({ length: 13 }, (_, i) => 2 + 3 * i).flatMap((week) => series.map(([metric, row]): Observation => ({
      date: new Date(Date.parse("2026-01-05") + week * 7 * 86_400_000).toISOString().slice(0, 10), metric, ...(row < 2 ? { area: shape.areas[row]! } : {}),
      value: observed[weeklyOffset(shape, week, row, WEEKLY_METRICS.indexOf(metric))]!, source: "simulated at the true values",
    })));
    const used = fittedObservations(s, observations, "2026-09-30");
    expect(used).toHaveLength(65);
    let state: AbcState | undefined;
    for await (const e of abcSmc(hubsimProblem(s, priors, used, inProcessExecutor(), 7), { particles: 100, generations: 6, seed: 7 })) if (e.kind === "done") state = e.state;
    const last = state!.generations[5]!;
    const inside = truth.map((t, k) => {
      const p = parameterSummary(last, k);
      return t >= p.p5 && t <= p.p95;
    });
    expect(inside.filter(Boolean).length, JSON.stringify(truth.map((t, k) => [t, parameterSummary(last, k)]))).toBeGreaterThanOrEqual(4);
    // And the fit learnt from the data: no posterior is wider than its prior (uniform: sd = range ÷ √12), and at
    // least three are narrower by a tenth. One noisy replication per particle limits how far any narrows
    // (South's FTE most, to about half; short sickness least: absences of a few FCAs are mostly noise).
    const ratios = priors.map((p, k) => {
      const d = p.distribution as { min: number; max: number };
      return parameterSummary(last, k).sd / ((d.max - d.min) / Math.sqrt(12));
    });
    expect(Math.max(...ratios), JSON.stringify(ratios)).toBeLessThan(1);
    expect(ratios.filter((r) => r < 0.9).length, JSON.stringify(ratios)).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
