import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { meanConfidenceInterval } from "../../src/experiment/index.js";
import { parseScenario, resultShape, runReplication, SCALAR_METRICS, scalarOffset, WEEKLY_METRICS, weeklyOffset, type Scenario } from "../../src/model/index.js";
import { scenarioOf } from "../helpers/small-scenario.js";

const baselineData = (): Record<string, unknown> => JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "scenarios", "baseline.json"), "utf8")) as Record<string, unknown>;

function baseline(change: (s: Record<string, any>) => void = () => {}): Scenario {
  const data = baselineData();
  change(data);
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

/** A national weekly series of one replication. */
function series(s: Scenario, replication: number, metric: (typeof WEEKLY_METRICS)[number]): number[] {
  const shape = resultShape(s), k = WEEKLY_METRICS.indexOf(metric), w = runReplication(s, 1, replication).weekly;
  return Array.from({ length: shape.weeks }, (_, week) => w[weeklyOffset(shape, week, shape.areas.length, k)]!);
}

describe("today's state without start-up artefacts", () => {
  it("seeds open cases with the time left in a case already under way (length-biased): public law closes after 43 × 1.25 ÷ 2 weeks on average", () => {
    // No demand and no FCA churn: only the seeded cases close. With lognormal durations (mean 43, CV 0.5)
    // a case open today has 43 × (1 + 0.5²) ÷ 2 = 26.9 weeks left on average; drawn as a new case it would have 21.5.
    const s = scenarioOf({
      name: "residual", startDate: "2026-01-05", horizonWeeks: 400, warmupWeeks: 0,
      areas: [{ name: "A", demand: { privatePerWeek: 0, publicPerWeek: 0 }, fca: { longTermFte: 200, shortTermFte: 1 }, initial: { openPublic: 2000 } }],
    });
    const shape = resultShape(s), k = WEEKLY_METRICS.indexOf("closures");
    const means = Array.from({ length: 6 }, (_, r) => {
      const w = runReplication(s, 1, r).weekly;
      let n = 0, sum = 0;
      for (let week = 0; week < shape.weeks; week++) {
        const c = w[weeklyOffset(shape, week, 1, k)]!;
        n += c;
        sum += c * (week + 0.5);
      }
      expect(n).toBe(2000);
      return sum / n;
    });
    const ci = meanConfidenceInterval(means), expected = (43 * 1.25) / 2;
    expect(Math.abs(ci.mean - expected), `${ci.mean} ± ${ci.halfWidth}`).toBeLessThan(Math.max(ci.halfWidth, 0.3));
  });

  it("from the baseline with flat seasonality, national open cases stay within ±5% over the first 26 weeks", () => {
    const flat = baseline((d) => {
      d.horizonWeeks = 26;
      d.national = { demand: { seasonality: Array(12).fill(1) } };
    });
    for (const r of [0, 1, 2]) {
      const open = series(flat, r, "open_cases");
      for (const x of open) expect(Math.abs(x / open[0]! - 1), `week ${open.indexOf(x) + 1}: ${x} against ${open[0]}`).toBeLessThan(0.05);
    }
  });

  it("starts with FCAs absent and posts vacant at their steady levels: week 1 at least half of week 52", () => {
    const s = baseline((d) => (d.horizonWeeks = 52));
    for (const r of [0, 1, 2]) {
      for (const metric of ["fcas_absent", "fcas_vacant"] as const) {
        const x = series(s, r, metric);
        expect(x[0]!, `${metric} week 1 ${x[0]} against week 52 ${x[51]}`).toBeGreaterThanOrEqual(x[51]! / 2);
      }
    }
  });

  it("keeps the baseline inside calibration §8.8: open cases 27.5k ± 10%, caseload 18–20, 35–42% of FCAs with 20 or more", () => {
    const s = baseline(), n = s.areas.length;
    const at = (name: (typeof SCALAR_METRICS)[number], r: number): number => runReplication(s, 1, r).scalars[scalarOffset(n, SCALAR_METRICS.indexOf(name))]!;
    const caseload = meanConfidenceInterval([0, 1, 2, 3].map((r) => at("avg_caseload", r)));
    const share = meanConfidenceInterval([0, 1, 2, 3].map((r) => at("pct_fcas_over_cap", r)));
    // The means over five years and four replications lie in the ranges.
    expect(caseload.mean).toBeGreaterThanOrEqual(18);
    expect(caseload.mean).toBeLessThanOrEqual(20);
    expect(share.mean, `${share.mean} ± ${share.halfWidth}`).toBeGreaterThanOrEqual(35);
    expect(share.mean, `${share.mean} ± ${share.halfWidth}`).toBeLessThanOrEqual(42);
    for (const r of [0, 1]) {
      const open = series(s, r, "open_cases");
      expect(Math.min(...open)).toBeGreaterThan(27_500 * 0.9);
      expect(Math.max(...open)).toBeLessThan(27_500 * 1.1);
    }
  });
});
