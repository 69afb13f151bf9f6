import { describe, expect, it } from "vitest";
import { meanConfidenceInterval } from "../../src/experiment/index.js";
import { runReplication, scalarOffset, SCALAR_METRICS, WEEKLY_METRICS, weeklyOffset, resultShape } from "../../src/model/index.js";
import { scenarioOf } from "../helpers/small-scenario.js";

/** 100 posts and no demand, so only sickness, attrition and recruitment happen. */
const scenario = (workforce: object = {}) => scenarioOf({
  name: "workforce", startDate: "2026-01-05", horizonWeeks: 520, warmupWeeks: 52,
  areas: [{ name: "A", demand: { privatePerWeek: 0, publicPerWeek: 0 }, fca: { longTermFte: 90, shortTermFte: 10 } }],
  national: { workforce },
});

function meanInPost(s: ReturnType<typeof scenario>, reps: number): number[] {
  const shape = resultShape(s), m = WEEKLY_METRICS.indexOf("fcas_in_post");
  return Array.from({ length: reps }, (_, r) => {
    const w = runReplication(s, 11, r).weekly;
    let sum = 0;
    for (let week = 0; week < shape.weeks; week++) sum += w[weeklyOffset(shape, week, 1, m)]!;
    return sum / shape.weeks / 100;
  });
}

describe("the workforce against renewal theory", () => {
  it("keeps the share of posts filled at mean tenure ÷ (mean tenure + mean time to fill)", () => {
    // Leaving is checked weekly with p = 1 − exp(−0.15/52): mean tenure 1/p weeks; a vacancy is filled after
    // a lognormal time with mean 32 weeks (start slots unbounded here, so only the time to fill counts).
    const p = 1 - Math.exp(-0.15 / 52), expected = 1 / p / (1 / p + 32);
    const ci = meanConfidenceInterval(meanInPost(scenario({ recruitment: { maxHiresPerYear: 5 } }), 16));
    expect(Math.abs(ci.mean - expected), `${ci.mean} ± ${ci.halfWidth} vs ${expected}`).toBeLessThanOrEqual(ci.halfWidth);
    expect(ci.halfWidth).toBeLessThan(0.005);
  });

  it("leaves posts empty for good when recruitment is off", () => {
    const inPost = meanInPost(scenario({ recruitment: { enabled: false } }), 2);
    expect(Math.max(...inPost)).toBeLessThan(0.6);
  });

  it("puts absence near the calibrated 5.5% of time (§3.3), and at zero when sickness is switched off", () => {
    const sick = (w: object, r: number): number => runReplication(scenario(w), 5, r).scalars[scalarOffset(1, SCALAR_METRICS.indexOf("sickness_pct"))]!;
    const ci = meanConfidenceInterval(Array.from({ length: 8 }, (_, r) => sick({}, r)));
    expect(ci.lower).toBeGreaterThan(4.5);
    expect(ci.upper).toBeLessThan(6.5);
    expect(sick({ sickness: { multiplier: 0 } }, 0)).toBe(0);
  });
});

describe("per-area caps and vacancies at the start", () => {
  const base = {
    name: "caps", startDate: "2026-01-05", horizonWeeks: 4, warmupWeeks: 0,
    areas: [
      { name: "A", demand: { privatePerWeek: 0, publicPerWeek: 0 }, fca: { longTermFte: 10, shortTermFte: 1 }, initial: { openPublic: 190 } },
    ],
    national: { workforce: { sickness: { multiplier: 0 }, attrition: { perYear: 0 }, allocation: { policy: "roomiest", capacitySpread: 0 } } },
  };
  const week0 = (input: object, metric: (typeof WEEKLY_METRICS)[number]): number => {
    const s = scenarioOf(input), r = runReplication(s, 1, 0);
    return r.weekly[weeklyOffset(resultShape(s), 0, 1, WEEKLY_METRICS.indexOf(metric))]!;
  };

  it("counts FCAs at or over the area's own cap when it sets one", () => {
    expect(week0(base, "pct_fcas_over_cap")).toBe(0); // 19 each, under the national cap of 20
    const tight = structuredClone(base);
    (tight.areas[0] as Record<string, unknown>).caps = { longTerm: 15 };
    expect(week0(tight, "pct_fcas_over_cap")).toBe(100);
  });

  it("starts with the given long-term posts vacant", () => {
    const vacant = structuredClone(base);
    vacant.areas[0]!.initial = { openPublic: 190, vacantPosts: 3 } as typeof base.areas[0]["initial"];
    expect(week0(base, "fcas_in_post")).toBe(11);
    expect(week0(vacant, "fcas_in_post")).toBe(8);
    // The same cases (same stream) spread over 7 long-term FCAs instead of 10.
    expect(week0(vacant, "avg_caseload")).toBeCloseTo((week0(base, "avg_caseload") * 10) / 7, 12);
  });
});
