import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/model/index.js";
import { preCmh } from "../helpers/pre-cmh.js";
import { smallScenarioInput } from "../helpers/small-scenario.js";

/** The issues of the small scenario with one intervention changed, as "path: message". */
function issuesWith(change: (v: ReturnType<typeof preCmh> & Record<string, unknown>) => void): string[] {
  const input = { ...smallScenarioInput(), interventions: [preCmh(undefined, change as never)] };
  const parsed = parseScenario(input);
  return parsed.ok ? [] : parsed.issues.map((i) => i.message);
}

describe("the intervention schema", () => {
  it("accepts a declared pre-CMH meeting and fills its defaults", () => {
    const parsed = parseScenario({ ...smallScenarioInput(), interventions: [preCmh()] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const v = parsed.scenario.interventions[0]!;
    expect(v.effects.durationWeeks).toEqual({ dist: "fixed", value: 0 });
    expect(v.eligibility.caseKind).toBe("public");
    expect(v.needsAllocatedGuardian).toBe(true);
  });

  it.each([
    ["negative hours", (v: Record<string, unknown>) => void (v.fcaHoursPerCase = -1), "interventions[0].fcaHoursPerCase must be at least 0"],
    ["an effect with min > max", (v: Record<string, unknown>) => void (v.effects = { durationWeeks: { dist: "uniform", min: 3, max: 1 } }), "interventions[0].effects.durationWeeks.min: expected min ≤ max"],
    ["an unknown area", (v: Record<string, unknown>) => void (v.where = { rollout: { areas: ["Atlantis"] } }), 'interventions[0].where.rollout.areas[0]: unknown area "Atlantis"'],
    ["a cost without a price year", (v: Record<string, unknown>) => void (v.costs = { setupPerArea: { amount: 10_000 } }), "interventions[0].costs.setupPerArea.priceYear is missing"],
    ["a price year that is not a financial year", (v: Record<string, unknown>) => void (v.costs = { setupPerArea: { amount: 1, priceYear: "2024-26" } }), "interventions[0].costs.setupPerArea.priceYear: expected consecutive years"],
    ["diversion for cases already in court", (v: Record<string, unknown>) => void (v.effects = { diversion: { dist: "fixed", value: 0.1 } }), "interventions[0].effects.diversion: a public law intervention meets cases already in court"],
    ["Cafcass Plus's own name", (v: Record<string, unknown>) => void (v.name = "cafcass-plus"), "interventions[0].name: cafcass-plus is declared by the cafcassPlus block"],
  ])("names the path of %s", (_, change, expected) => {
    expect(issuesWith(change).join("\n")).toContain(expected);
  });

  it("refuses two interventions with one name", () => {
    const parsed = parseScenario({ ...smallScenarioInput(), interventions: [preCmh(), preCmh()] });
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path)).toEqual(["interventions[1].name"]);
  });
});
