import { describe, expect, it } from "vitest";
import {
  appraise, appraisePair, inProcessExecutor, linePrices, uprate, uprateFactor, type AppraisalEvent, type AppraisalRun, type ArmFlows,
} from "../../src/experiment/index.js";
import { INTERVENTION_METRICS, interventionIndex, type Scenario } from "../../src/model/index.js";
import { InterventionRecorder } from "../../src/model/intervention-recorder.js";
import { RUNOFF_WEEKS } from "../../src/model/intervention-metrics.js";
import { preCmh } from "../helpers/pre-cmh.js";
import { smallScenario } from "../helpers/small-scenario.js";

async function done<T>(events: AsyncGenerator<AppraisalEvent<T>>): Promise<T> {
  for await (const e of events) if (e.kind === "done") return e.result;
  throw new Error("no result");
}
const total = (r: AppraisalRun) => r.summary.payers.at(-1)!;

const plusSmall = smallScenario((s) => {
  s.horizonWeeks = 52;
  s.cafcassPlus = { sites: [{ area: "North", start: "2026-01-05" }], rollout: { areas: ["South"] } };
});

describe("Cafcass Plus as a declared intervention", () => {
  it("reproduces the appraisal from before interventions were data (same seed, same numbers)", async () => {
    // Pinned from `hubsim appraise` at e668f6b on this scenario, 3 replications, seed 1; savings re-pinned
    // (96,002.62 → 92,592.34, NPV 31,551.17 → 28,140.89) when expert reports became each case's expected
    // count rather than a count rounded at random to whole reports, so re-costing an effect size gives what
    // a re-run would. Costs, break-even and diversions are as they were.
    const r = await done(appraise(plusSmall, undefined, { replications: 3, seed: 1 }, inProcessExecutor()));
    expect(total(r).npv.mean).toBe(28140.887277794332);
    expect(total(r).costs.mean).toBe(64451.45159967172);
    expect(total(r).savings.mean).toBe(92592.33887746604);
    expect(r.summary.breakEven.medianWeek).toBe(45);
    expect(r.summary.extraDiverted.mean).toBe(2.3333333333333335);
  });
});

describe("the appraisal's pictures", () => {
  it("end the cumulative net saving at each replication's NPV, and list those NPVs lowest first", async () => {
    const r = await done(appraise(plusSmall, undefined, { replications: 3, seed: 1 }, inProcessExecutor()));
    const { cumulativeNet, npvs } = r.summary, last = cumulativeNet.median.length - 1;
    expect(npvs).toEqual(r.pairs.map((p) => p.total.npv).sort((a, b) => a - b));
    // The median of three is the middle one; the cumulative sum reaches it week by week (same sums, another order).
    expect(cumulativeNet.median[last]).toBeCloseTo(npvs[1]!, 6);
    expect(cumulativeNet.p5[last]).toBeLessThanOrEqual(cumulativeNet.median[last]!);
    expect(cumulativeNet.p95[last]).toBeGreaterThanOrEqual(cumulativeNet.median[last]!);
    // Adding the pictures leaves the pinned break-even as it was.
    expect(r.summary.breakEven.medianWeek).toBe(45);
  });
});

describe("a zero-effect intervention", () => {
  const zero = { dist: "fixed", value: 0 } as const;
  it.each([
    ["cafcass-plus", smallScenario((s) => {
      s.horizonWeeks = 40;
      const none = { mean: 0, sd: 0, min: 0, max: 0 };
      s.cafcassPlus = { rollout: { areas: ["South"] }, effects: { diversionUplift: none, durationReductionWeeks: none, guardianHoursReduction: none, expertReportsReduction: none } };
    })],
    ["pre-cmh", smallScenario((s) => {
      s.horizonWeeks = 40;
      s.interventions = [preCmh(["North", "South"], (v) => void (v.effects = { durationWeeks: zero, expertReports: zero, guardianHoursShare: zero }))];
    })],
  ])("%s saves exactly nothing and its NPV is exactly minus its cost, run-off included", async (name, scenario: Scenario) => {
    const r = await done(appraise(scenario, undefined, { replications: 2, seed: 5 }, inProcessExecutor(), undefined, [name], { appraisalYears: 3 }));
    for (const pair of r.pairs) {
      for (const p of Object.values(pair.byPayer)) expect(p.savings).toBe(0);
      expect(pair.total.npv).toBe(-pair.total.costs);
      expect(pair.total.costs).toBeGreaterThan(0);
    }
  });
});

describe("pre-CMH meetings", () => {
  const scenario = smallScenario((s) => {
    s.horizonWeeks = 40;
    s.interventions = [preCmh(["North", "South"], (v) => void (v.effects = { durationWeeks: { dist: "fixed", value: 3 } }))];
  });

  it("shorten served cases, so local authorities save case-weeks", async () => {
    const r = await done(appraise(scenario, undefined, { replications: 2, seed: 5 }, inProcessExecutor(), undefined, ["pre-cmh"]));
    expect(r.summary.payers.find((p) => p.payer === "localAuthority")!.savings.mean).toBeGreaterThan(0);
    expect(r.summary.interventions).toEqual(["pre-cmh"]);
  });

  it("take guardians' time, so in an area short of FCAs cases wait longer for allocation (seed 5)", async () => {
    const short = smallScenario((s) => {
      s.horizonWeeks = 40;
      s.areas[0]!.fca.longTermFte = 24;
      s.interventions = [preCmh(["North", "South"], (v) => void (v.fcaHoursPerCase = 12))];
    });
    const r = await done(appraise(short, undefined, { replications: 2, seed: 5 }, inProcessExecutor(), undefined, ["pre-cmh"]));
    const wait = r.summary.capacity.find((c) => c.metric === "allocation_wait_mean_weeks")!;
    expect(wait.rollOut).toBeGreaterThan(wait.doNothing);
  });
});

describe("pre-CMH levers move what they should (functional truths: paired 95% CIs over 8 replications on common random numbers)", () => {
  const effect = async (scenario: Scenario, metric: string) => {
    const r = await done(appraise(scenario, undefined, { replications: 8, seed: 11 }, inProcessExecutor(), undefined, ["pre-cmh"]));
    return r.summary.capacity.find((c) => c.metric === metric)!.difference;
  };

  it("a shorter duration for served cases shortens public law proceedings: the mean length falls", async () => {
    const d = await effect(smallScenario((s) => {
      s.horizonWeeks = 52;
      s.interventions = [preCmh(["North", "South"], (v) => void (v.effects = { durationWeeks: { dist: "fixed", value: 6 } }))];
    }), "public_duration_mean_weeks");
    expect(d.pairs).toBe(8);
    expect(d.upper, JSON.stringify(d)).toBeLessThan(0);
  });

  it("guardian hours for each meeting load FCAs: the average caseload rises", async () => {
    const d = await effect(smallScenario((s) => {
      s.horizonWeeks = 52;
      s.interventions = [preCmh(["North", "South"], (v) => void (v.fcaHoursPerCase = 40))];
    }), "avg_caseload");
    expect(d.lower, JSON.stringify(d)).toBeGreaterThan(0);
  });
});

describe("one price year", () => {
  it("uprates with the GDP deflator table, by hand", () => {
    // 2024-25 = 100, 2013-14 = 70.8: £55 an hour then is £55 × 100 / 70.8 now.
    expect(uprateFactor("2013-14", "2024-25")).toBe(100 / 70.8);
    expect(uprate(55, "2013-14", "2024-25")).toBeCloseTo(77.6836, 4);
    expect(uprate(697, "2024-25", "2024-25")).toBe(697);
    expect(uprate(100, "2024-25", "2022-23")).toBeCloseTo(88.4, 10);
    expect(() => uprateFactor("1999-00", "2024-25")).toThrow(/no GDP deflator for 1999-00/);
  });

  it("prices an intervention's other payers' time and the cost table's older figures in the price year", () => {
    const s = smallScenario((x) => {
      x.interventions = [preCmh()];
      x.costs = { sourceYears: { "legalAid.perExpertReport": "2017-18" } };
    });
    const p = linePrices(s, "pre-cmh", s.costs);
    expect(p.otherPerServed.localAuthority).toBeCloseTo(5 * 55 * (100 / 70.8), 9);
    expect(p.perExpertReport).toBeCloseTo(3_000 * (100 / 75.1), 9);
    expect(p.setupPerArea).toBe(10_000);
    expect(p.fcaHour).toBe(80);
  });
});

describe("run-off", () => {
  it("records a case straddling the horizon once: its part before in horizon weeks, the rest after", () => {
    const rec = new InterventionRecorder({ weeks: 4, areas: ["X"] }, 1, 1);
    const caseWeeks = interventionIndex("case_weeks"), k = INTERVENTION_METRICS.length;
    rec.spread(0, 7 + 21, 7 + 35, caseWeeks, 2); // weeks 3 and 4 of the run (week 4 is past the horizon)
    const series = Array.from({ length: 4 + RUNOFF_WEEKS }, (_, w) => rec.flows[w * k + caseWeeks]!);
    expect(series.slice(0, 5)).toEqual([0, 0, 0, 1, 1]);
    expect(series.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("counts savings after the horizon once, in the run-off, and not at all when the appraisal stops at the horizon", () => {
    const k = INTERVENTION_METRICS.length, weeks = 6, cw = interventionIndex("case_weeks");
    const arm = (series: number[]): ArmFlows => {
      const f = new Float64Array(weeks * k);
      series.forEach((v, w) => (f[w * k + cw] = v));
      return { weeks, horizonWeeks: 3, flows: [f], scalars: new Float64Array(0) };
    };
    const costs = { ...smallScenario().costs, discount: [{ fromYear: 0, rate: 0 }] };
    const prices = [linePrices(undefined, "cafcass-plus", costs)];
    const before = arm([1, 1, 1, 1, 0, 0]), after = arm([1, 1, 0.5, 0.5, 0, 0]); // one case ends a week sooner, straddling the horizon
    const full = appraisePair(0, before, after, costs, { prices, weeks: 6 });
    expect(full.total.savings).toBe(697);
    expect(full.runOffNpv).toBe(697 / 2);
    const cut = appraisePair(0, before, after, costs, { prices, weeks: 3 });
    expect(cut.total.savings).toBe(697 / 2);
    expect(cut.runOffNpv).toBe(0);
  });
});
