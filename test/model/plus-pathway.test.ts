import { describe, expect, it } from "vitest";
import { meanConfidenceInterval } from "../../src/experiment/index.js";
import { RandomStreams } from "../../src/kernel/index.js";
import {
  drawPlusEffects, PLUS_METRICS, runReplication, scalarIndex, scalarOffset, weeklyIndex, weeklyOffset, resultShape, withoutRollout, withRolloutAreas,
  type PlusMetric,
} from "../../src/model/index.js";
import { fixedEffects, plusScenario, plusSeries, plusTotal } from "../helpers/plus-scenario.js";
import { smallScenario } from "../helpers/small-scenario.js";

const NORTH = 0, SOUTH = 1, NATIONAL = 2;
const ZERO = { diversionUplift: 0, durationReductionWeeks: 0, guardianHoursReduction: 0, expertReportsReduction: 0 };

describe("the Cafcass Plus pathway", () => {
  it("records the cohort in every area and Plus work only where it is live", () => {
    const sc = plusScenario(), r = runReplication(withoutRollout(sc), 1, 0);
    expect(plusTotal(sc, r, SOUTH, "cohort_referrals")).toBeGreaterThan(0);
    expect(plusTotal(sc, r, SOUTH, "plus_cases_started")).toBe(0);
    expect(plusTotal(sc, r, NORTH, "plus_cases_started")).toBe(plusTotal(sc, r, NORTH, "cohort_referrals"));
    expect(plusSeries(sc, r, NORTH, "plus_live").every((x) => x === 1)).toBe(true);
    expect(plusSeries(sc, r, NATIONAL, "plus_live").every((x) => x === 1)).toBe(true);
    const withRollout = runReplication(sc, 1, 0);
    expect(plusSeries(sc, withRollout, NATIONAL, "plus_live").every((x) => x === 2)).toBe(true);
  });

  it("adds each area into the national row", () => {
    const sc = plusScenario(), r = runReplication(sc, 2, 0);
    for (const m of PLUS_METRICS) {
      expect(plusTotal(sc, r, NATIONAL, m)).toBeCloseTo(plusTotal(sc, r, NORTH, m) + plusTotal(sc, r, SOUTH, m), 6);
    }
  });

  it("same seed → identical plus arrays; another seed → different", () => {
    const sc = plusScenario();
    expect(runReplication(sc, 3, 1).plus).toEqual(runReplication(sc, 3, 1).plus);
    expect(runReplication(sc, 4, 1).plus).not.toEqual(runReplication(sc, 3, 1).plus);
  });

  it("diverted cases never enter proceedings: with ordinary public law carved to nothing, public referrals are exactly the cohort's proceedings", () => {
    const sc = plusScenario((p, s) => {
      s.areas[0]!.demand.privatePerWeek = 0; s.areas[0]!.fca.shortTermFte = 0;
      p.local = { North: { cohortPerWeek: 12 } }; // more than public demand ÷ (1 − 25%): nothing ordinary is left
    });
    const shape = resultShape(sc);
    for (const rep of [0, 1, 2]) {
      const r = runReplication(sc, 5, rep);
      const referrals = Array.from({ length: shape.weeks }, (_, w) => r.weekly[weeklyOffset(shape, w, NORTH, weeklyIndex("referrals"))]!);
      expect(referrals).toEqual(plusSeries(sc, r, NORTH, "cohort_proceedings"));
      expect(plusTotal(sc, r, NORTH, "cohort_diverted")).toBeGreaterThan(0);
      expect(r.conservationChecks).toBe((52 + 104) * 2); // the extended check (Plus work under way) passed every week
    }
  });

  it("zero effects: both arms' cohort flows are identical except Plus cases, FCA hours and live weeks (common random numbers)", () => {
    const sc = plusScenario((p) => (p.effects = fixedEffects(ZERO)));
    const same = PLUS_METRICS.filter((m) => !["plus_cases_started", "plus_fca_hours", "plus_live"].includes(m));
    for (const rep of [0, 1, 2, 3]) {
      const doNothing = runReplication(withoutRollout(sc), 11, rep), rollout = runReplication(withRolloutAreas(sc, ["South"]), 11, rep);
      for (const m of same) for (const row of [NORTH, SOUTH, NATIONAL]) expect(plusSeries(sc, rollout, row, m), `${m} row ${row}`).toEqual(plusSeries(sc, doNothing, row, m));
      expect(plusTotal(sc, rollout, SOUTH, "plus_cases_started")).toBeGreaterThan(0);
      expect(plusTotal(sc, doNothing, SOUTH, "plus_cases_started")).toBe(0);
    }
  });

  it("paired arms: roll-out diverts exactly the cases with base ≤ u < base + uplift (a do-nothing run at base + uplift diverts the same)", () => {
    const uplift = 0.2, rate = 1.2;
    const arm = (rollout: boolean, base: number) => plusScenario((p) => {
      p.effects = fixedEffects({ ...ZERO, diversionUplift: uplift });
      p.local = { South: { cohortPerWeek: rate, baselineDiversion: base } };
      if (!rollout) p.rollout = { areas: [] };
      p.enabled = true;
    });
    let extra = 0;
    for (const rep of [0, 1, 2, 3]) {
      const atBase = arm(false, 0.25), rolled = arm(true, 0.25), raised = arm(false, 0.25 + uplift);
      const d = plusSeries(atBase, runReplication(atBase, 13, rep), SOUTH, "cohort_diverted");
      const r = plusSeries(rolled, runReplication(rolled, 13, rep), SOUTH, "cohort_diverted");
      const u = plusSeries(raised, runReplication(raised, 13, rep), SOUTH, "cohort_diverted");
      // Babies born in the first 19 weeks may have been referred before South went live (not Plus cases).
      expect(r.slice(19)).toEqual(u.slice(19));
      r.forEach((x, w) => expect(x).toBeGreaterThanOrEqual(d[w]!));
      extra += r.reduce((a, b) => a + b, 0) - d.reduce((a, b) => a + b, 0);
    }
    expect(extra).toBeGreaterThan(0);
  });

  it("with drawn effects, roll-out never diverts fewer when the replication's uplift is ≥ 0 (nor more when it is < 0), week by week", () => {
    const sc = plusScenario();
    for (let rep = 0; rep < 10; rep++) {
      const effects = drawPlusEffects(sc, new RandomStreams(17, rep));
      const d = plusSeries(sc, runReplication(withoutRollout(sc), 17, rep), SOUTH, "cohort_diverted");
      const r = plusSeries(sc, runReplication(sc, 17, rep), SOUTH, "cohort_diverted");
      r.forEach((x, w) => (effects.diversionUplift >= 0 ? expect(x).toBeGreaterThanOrEqual(d[w]!) : expect(x).toBeLessThanOrEqual(d[w]!)));
    }
  });

  it("shorter proceedings, fewer expert reports and guardian hours after Plus (paired, fixed effects)", () => {
    const sc = plusScenario((p) => (p.effects = fixedEffects({ diversionUplift: 0, durationReductionWeeks: 8, guardianHoursReduction: 0.2, expertReportsReduction: 0.5 })));
    const per = (r: ReturnType<typeof runReplication>, m: PlusMetric) => plusTotal(sc, r, SOUTH, m) / plusTotal(sc, r, SOUTH, "cohort_proceedings");
    for (const rep of [0, 1]) {
      const d = runReplication(withoutRollout(sc), 19, rep), r = runReplication(sc, 19, rep);
      expect(plusTotal(sc, r, SOUTH, "cohort_proceedings")).toBe(plusTotal(sc, d, SOUTH, "cohort_proceedings"));
      expect(per(r, "proceedings_case_weeks")).toBeLessThan(per(d, "proceedings_case_weeks"));
      expect(per(r, "expert_reports")).toBeLessThan(per(d, "expert_reports"));
      expect(per(r, "guardian_hours")).toBeLessThan(per(d, "guardian_hours"));
      expect(per(r, "placement_weeks")).toBeLessThan(per(d, "placement_weeks"));
    }
  });

  it("a Plus case takes FCA time: fcaHoursPerCase each, and long-term caseloads rise (paired, 95% CI)", () => {
    const sc = plusScenario((p) => (p.fcaHoursPerCase = 35));
    const r0 = runReplication(sc, 23, 0);
    const started = plusSeries(sc, r0, NATIONAL, "plus_cases_started"), hours = plusTotal(sc, r0, NATIONAL, "plus_fca_hours");
    // 35 h at 75 h / 43 weeks a caseload place is 20.1 weeks: only cases started in the last 21 weeks run past the horizon.
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(hours).toBeLessThanOrEqual(35 * sum(started) + 1e-9);
    expect(hours).toBeGreaterThanOrEqual(35 * sum(started.slice(0, -21)) - 1e-9);
    const caseload = (s: typeof sc, rep: number) => runReplication(s, 23, rep).scalars[scalarOffset(SOUTH, scalarIndex("avg_caseload"))]!;
    const diff = Array.from({ length: 12 }, (_, rep) => caseload(sc, rep) - caseload(withoutRollout(sc), rep));
    const ci = meanConfidenceInterval(diff);
    expect(ci.lower, `caseload difference ${ci.mean} ± ${ci.halfWidth}`).toBeGreaterThan(0);
  });

  it("the carve-out keeps public law demand as it was without Plus (95% CI of the paired difference in referrals covers 0)", () => {
    const off = smallScenario(), on = plusScenario((p) => (p.rollout = { areas: [] }));
    const referrals = (s: typeof off, rep: number) => runReplication(s, 29, rep).scalars[scalarOffset(NATIONAL, scalarIndex("referrals"))]!;
    const diff = Array.from({ length: 16 }, (_, rep) => referrals(on, rep) - referrals(off, rep));
    const ci = meanConfidenceInterval(diff);
    expect(ci.lower).toBeLessThan(0);
    expect(ci.upper).toBeGreaterThan(0);
    expect(ci.halfWidth).toBeLessThan(0.01 * referrals(off, 0)); // and the test can tell a 1% change
  });

  it("runs without sites or roll-out areas leave the plus array empty unless the cohort is enabled", () => {
    const plain = smallScenario();
    expect(runReplication(plain, 1, 0).plus.every((x) => x === 0)).toBe(true);
    const cohortOnly = withoutRollout(plain), r = runReplication(cohortOnly, 1, 0);
    expect(plusTotal(cohortOnly, r, NATIONAL, "cohort_referrals")).toBeGreaterThan(0);
    expect(plusTotal(cohortOnly, r, NATIONAL, "plus_cases_started")).toBe(0);
  });
});
