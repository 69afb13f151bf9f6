import { describe, expect, it } from "vitest";
import {
  appraisePair, breakEvenWeek, discountFactor, medianBreakEvenWeek, PAYERS, payerFlows, plusTerms, presentValue, summariseAppraisal, weeklyDiscountFactors,
  wilsonInterval, WEEKS_PER_YEAR, type AppraisalSetting,
} from "../../src/experiment/index.js";
import type { Costs } from "../../src/model/index.js";
import { smallScenario } from "../helpers/small-scenario.js";
import { syntheticArm } from "../helpers/synthetic-plus.js";

const costs: Costs = smallScenario().costs;
const undiscounted: Costs = { ...costs, discount: [{ fromYear: 0, rate: 0 }] };

describe("Green Book discounting", () => {
  const steps = costs.discount;

  it("discounts at 3.5% a year to year 30, then compounds 3.0% on top, then 2.5% after year 75", () => {
    expect(discountFactor(steps, 0)).toBe(1);
    expect(discountFactor(steps, 1)).toBeCloseTo(1 / 1.035, 15);
    expect(discountFactor(steps, 30)).toBeCloseTo(0.35627841060230236, 15);
    expect(discountFactor(steps, 30.5)).toBeCloseTo(0.35105154914428827, 15); // 1.035^−30 × 1.03^−0.5
    expect(discountFactor(steps, 31)).toBeCloseTo(0.3459013695167984, 15); // 1.035^−30 ÷ 1.03
    expect(discountFactor(steps, 76)).toBeCloseTo(0.0919158756845771, 15); // 1.035^−30 × 1.03^−45 ÷ 1.025
  });

  it("is continuous across a step", () => {
    expect(discountFactor(steps, 30 - 1e-9)).toBeCloseTo(discountFactor(steps, 30 + 1e-9), 9);
  });

  it("counts each week's flow at the start of its week, years being 365.25 days", () => {
    const f = weeklyDiscountFactors(steps, 53);
    expect(f[0]).toBe(1);
    expect(f[52]).toBeCloseTo(0.9662973327509754, 15); // 1.035^−(52 × 7 / 365.25)
    expect(WEEKS_PER_YEAR).toBeCloseTo(52.1786, 4);
  });

  it("values a flow straddling the year-30 step by hand", () => {
    // £100 in week 1565 (29.993 years) and £100 in week 1566 (30.012 years):
    // 100 × 1.035^−29.993 + 100 × 1.035^−30 × 1.03^−0.0123.
    const flows = new Float64Array(1567);
    flows[1565] = 100;
    flows[1566] = 100;
    expect(presentValue(flows, weeklyDiscountFactors(steps, 1567))).toBeCloseTo(71.25109983875349, 10);
  });

  it("refuses flows longer than the factors", () => {
    expect(() => presentValue([1, 2, 3], [1, 1])).toThrow("3 weeks of flows but only 2 discount factors");
  });
});

describe("break-even week", () => {
  it("is the first week from which the cumulative net stays at or above zero", () => {
    expect(breakEvenWeek([-10, 4, 4, 4, -1, 5])).toBe(3); // cumulative −10, −6, −2, 2, 1, 6
    expect(breakEvenWeek([-5, 10, -6, 2])).toBe(3); // −5, 5, −1, 1: the dip in week 2 resets it
    expect(breakEvenWeek([3, -3])).toBe(0); // 3, 0: zero counts as broken even
  });

  it("is null when the horizon ends in deficit, or there is no horizon", () => {
    expect(breakEvenWeek([5, -6])).toBeNull();
    expect(breakEvenWeek([])).toBeNull();
  });

  it("has a median across replications in which never counts as latest", () => {
    expect(medianBreakEvenWeek([30, null, 10])).toBe(30);
    expect(medianBreakEvenWeek([10, 20])).toBe(15);
    expect(medianBreakEvenWeek([10, null])).toBeNull();
    expect(medianBreakEvenWeek([null, null, 5])).toBeNull();
    expect(medianBreakEvenWeek([])).toBeNull();
  });
});

// Three weeks, costed by hand with the default unit costs and no discounting:
// Plus hours 40 × £80 + set-up £25,000 + supervision 3 × £180 = £28,740 (Cafcass cost);
// savings: guardian 1 h × £80; court 1 × £5,000; legal aid 1 × £12,000 + 1 report × £3,000;
// local authority 2 case-weeks × £697; placements 4 weeks × £650 × 25%.
const DO_NOTHING = {
  cohort_proceedings: [2, 0, 0], expert_reports: [0, 4, 0], proceedings_case_weeks: [0, 0, 10],
  guardian_hours: [0, 10, 0], placement_weeks: [0, 0, 8], cohort_diverted: [1, 0, 0],
};
const ROLL_OUT = {
  plus_fca_hours: [20, 20, 0], plus_live: [1, 1, 1],
  cohort_proceedings: [1, 0, 0], expert_reports: [0, 3, 0], proceedings_case_weeks: [0, 0, 8],
  guardian_hours: [0, 9, 0], placement_weeks: [0, 0, 4], cohort_diverted: [2, 0, 0],
};
const doNothing = syntheticArm(3, DO_NOTHING, [], { avg_caseload: 18, hub_wait_mean_weeks: NaN });
const rollOut = syntheticArm(3, ROLL_OUT, [1], { avg_caseload: 18.5, hub_wait_mean_weeks: 3 });

describe("cash flows by payer", () => {
  it("costs each payer by hand", () => {
    const a = appraisePair(0, doNothing, rollOut, undiscounted);
    expect(a.byPayer.cafcass).toEqual({ costs: 28_740, savings: 80, npv: -28_660 });
    expect(a.byPayer.hmcts).toEqual({ costs: 0, savings: 5_000, npv: 5_000 });
    expect(a.byPayer.legalAid).toEqual({ costs: 0, savings: 15_000, npv: 15_000 });
    expect(a.byPayer.localAuthority).toEqual({ costs: 0, savings: 1_394, npv: 1_394 });
    expect(a.byPayer.placements).toEqual({ costs: 0, savings: 650, npv: 650 });
    expect(a.total).toEqual({ costs: 28_740, savings: 22_124, npv: -6_616 });
    expect(a.bcr).toBeCloseTo(22_124 / 28_740, 15);
    expect(a.extraDiverted).toBe(1);
    expect(a.costsUndiscounted).toBe(28_740);
    expect(a.breakEvenWeek).toBeNull(); // net −9,780, +1,300, +1,864
  });

  it("counts the placement share of the foster-cost difference in either direction", () => {
    const more = syntheticArm(3, { placement_weeks: [0, 0, 12] });
    const a = appraisePair(0, syntheticArm(3, { placement_weeks: [0, 0, 8] }), more, undiscounted);
    expect(a.byPayer.placements.savings).toBe(-650); // 4 more foster weeks × £650 × 25%
  });

  it("adds up across payers exactly, discounted", () => {
    const a = appraisePair(0, doNothing, rollOut, costs);
    for (const k of ["costs", "savings", "npv"] as const) expect(a.total[k]).toBe(PAYERS.reduce((t, p) => t + a.byPayer[p][k], 0));
    const flows = payerFlows(doNothing, rollOut, plusTerms(doNothing, costs));
    expect(a.byPayer.cafcass.costs).toBe(presentValue(flows.cafcass.costs, weeklyDiscountFactors(costs.discount, 3)));
  });

  it("with no effect beyond the Plus work itself, saves exactly nothing and loses exactly the cost", () => {
    const plusOnly = syntheticArm(3, { ...DO_NOTHING, plus_fca_hours: [15, 25, 5], plus_live: [1, 1, 1] }, [1]);
    const a = appraisePair(0, doNothing, plusOnly, costs);
    for (const p of PAYERS) expect(a.byPayer[p].savings).toBe(0);
    expect(a.total.savings).toBe(0);
    expect(a.total.npv).toBe(-a.total.costs);
    const f = weeklyDiscountFactors(costs.discount, 3);
    expect(a.total.costs).toBeCloseTo(15 * 80 + 25_000 + 180 + (25 * 80 + 180) * f[1]! + (5 * 80 + 180) * f[2]!, 8);
  });
});

describe("summary over replications", () => {
  const setting: AppraisalSetting = { scenario: "s", interventions: ["cafcass-plus"], areas: ["North"], replications: 2, seed: 1, horizonWeeks: 3, appraisalWeeks: 3, priceYear: "2024-25", deflators: "test", discount: undiscounted.discount };
  const better = syntheticArm(3, { ...ROLL_OUT, cohort_proceedings: [0, 0, 0] }, [1], { avg_caseload: 18.25 });
  const pairs = [appraisePair(0, doNothing, rollOut, undiscounted), appraisePair(1, doNothing, better, undiscounted)];
  const s = summariseAppraisal(setting, pairs, [doNothing, doNothing], [rollOut, better]);

  it("gives the total NPV's mean, CI and 90% interval, and the BCR as a ratio of means", () => {
    const total = s.payers.at(-1)!;
    expect(total.payer).toBe("total");
    // The second replication avoids one more set of proceedings: £17,000 more saved.
    expect(total.npv.mean).toBe((-6_616 + 10_384) / 2);
    expect(total.npv.p5).toBeCloseTo(-6_616 + 0.05 * 17_000, 8);
    expect(total.npv.p95).toBeCloseTo(-6_616 + 0.95 * 17_000, 8);
    expect(s.bcr.ratioOfMeans).toBeCloseTo((22_124 + 39_124) / 2 / 28_740, 12);
  });

  it("gives P(net saving) with a Wilson interval, the median break-even and cost per case diverted", () => {
    expect(s.pSaving.p).toBe(0.5);
    expect(s.breakEven).toEqual({ medianWeek: null, share: 0.5, medianWeeksFromGoLive: null }); // one never breaks even
    expect(pairs[1]!.breakEvenWeek).toBe(0); // net +7,220 in week 0
    expect(s.costPerCaseDiverted).toBe(28_740);
  });

  it("pairs the capacity measures, leaving out undefined ones", () => {
    const caseload = s.capacity.find((c) => c.metric === "avg_caseload")!;
    expect(caseload.doNothing).toBe(18);
    expect(caseload.difference.mean).toBeCloseTo(0.375, 12);
    expect(s.capacity.find((c) => c.metric === "hub_wait_mean_weeks")!.difference.pairs).toBe(0);
  });
});

describe("Wilson interval", () => {
  it("matches the calibration's pilot intervals (11 of 26 Plus: 26–61%)", () => {
    const w = wilsonInterval(11, 26);
    expect(w.p).toBeCloseTo(11 / 26, 15);
    expect(w.lower).toBeCloseTo(0.2554444331365656, 8);
    expect(w.upper).toBeCloseTo(0.6105138625340828, 8);
  });

  it("stays inside [0, 1] at the ends and is NaN with no trials", () => {
    expect(wilsonInterval(0, 10).lower).toBe(0);
    expect(wilsonInterval(10, 10).upper).toBeLessThanOrEqual(1);
    expect(Number.isNaN(wilsonInterval(0, 0).p)).toBe(true);
  });
});
