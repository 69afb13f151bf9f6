import { describe, expect, it } from "vitest";
import { CAFCASS_PLUS_PILOT_OBSERVATIONS, diversionCheck, meanConfidenceInterval } from "../../src/experiment/index.js";
import { resultShape, runReplication } from "../../src/model/index.js";
import { plusTotal } from "../helpers/plus-scenario.js";
import { loadScenario } from "../helpers/load-scenario.js";

const GROUPS = CAFCASS_PLUS_PILOT_OBSERVATIONS;
const REPS = 100;

describe("the Cafcass Plus pilot scenario (Coventry & Warwickshire 2011–13)", () => {
  const scenario = loadScenario("cafcass-plus-pilot.json"), shape = resultShape(scenario);
  const results = Array.from({ length: REPS }, (_, r) => runReplication(scenario, 1, r));
  const rows = diversionCheck(shape, results.map((r) => r.plus), GROUPS);

  it("reproduces every observed diversion count within the simulated 5–95% range", () => {
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`, n = (x: number) => x.toFixed(Number.isInteger(x) ? 0 : 1);
    console.log(["group | observed | simulated diverted: median (5–95%) | decided: mean | share: median (5–95%)",
      ...rows.map((r) => `${r.group.label} | ${r.group.observed.diverted ?? "–"} of ${r.group.observed.decided ?? "–"} (${pct(r.group.observed.share)}) | ${n(r.diverted.median)} (${n(r.diverted.p5)}–${n(r.diverted.p95)}) | ${r.decided.mean.toFixed(1)} | ${pct(r.share.median)} (${pct(r.share.p5)}–${pct(r.share.p95)})`)].join("\n"));
    for (const r of rows) expect(r.observedInside, r.group.label).toBe(true);
  });

  it("decides about as many cases as the pilot did (95% CI of the mean covers 26 Plus and 30 comparator cases)", () => {
    for (const [label, observed] of [["Plus (Coventry + Warwickshire)", 26], ["Comparators", 30]] as const) {
      const areas = GROUPS.find((g) => g.label === label)!.areas;
      const decided = results.map((r) => areas.reduce((n, a) => {
        const i = shape.areas.indexOf(a);
        return n + plusTotal(scenario, r, i, "cohort_diverted") + plusTotal(scenario, r, i, "cohort_proceedings");
      }, 0));
      const ci = meanConfidenceInterval(decided);
      expect(ci.lower, `${label}: ${ci.mean} ± ${ci.halfWidth}`).toBeLessThan(observed);
      expect(ci.upper, `${label}: ${ci.mean} ± ${ci.halfWidth}`).toBeGreaterThan(observed);
    }
  });

  it("puts the national benchmark at 25% (95% CI of the mean share within 23–27%) and Plus above it", () => {
    const national = meanConfidenceInterval(results.map((r) => {
      const d = plusTotal(scenario, r, 3, "cohort_diverted");
      return d / (d + plusTotal(scenario, r, 3, "cohort_proceedings"));
    }));
    expect(national.lower).toBeGreaterThan(0.23);
    expect(national.upper).toBeLessThan(0.27);
    expect(rows[0]!.share.mean).toBeGreaterThan(national.upper);
  });

  it("gives seeded-exact counts for seed 1, replication 0", () => {
    const r = results[0]!, plus = [0, 1].map((a) => [plusTotal(scenario, r, a, "cohort_diverted"), plusTotal(scenario, r, a, "cohort_proceedings")]);
    expect(plus).toMatchInlineSnapshot(`
      [
        [
          1,
          6,
        ],
        [
          1,
          9,
        ],
      ]
    `);
  });
});
