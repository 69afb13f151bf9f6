import { describe, expect, it } from "vitest";
import { FIELDS, REPORTED_FIELDS, scenarioJsonSchema } from "../../src/model/index.js";
import { PROTOCOL_LEVERS, SCENARIO_LEVERS } from "../../src/tui/levers.js";
import { SENSITIVITY_INPUTS } from "../../src/experiment/index.js";

interface Node { readonly properties?: Record<string, Node>; readonly type?: string | readonly string[] }

/** The schema node at a dotted path, or undefined when the schema has no such field. */
function nodeAt(path: string): Node | undefined {
  return path.split(".").reduce<Node | undefined>((node, key) => node?.properties?.[key], scenarioJsonSchema() as Node);
}

describe("the field-metadata table", () => {
  it("names only fields the scenario schema has", () => {
    expect(Object.keys(FIELDS).filter((path) => nodeAt(path) === undefined)).toEqual([]);
  });

  it("would notice a path the schema lacks", () => {
    expect(nodeAt("national.demand.multiplier")).toBeDefined();
    expect(nodeAt("national.demand.multiplyer")).toBeUndefined();
  });

  it("gives every numeric TUI lever a step, and every sensitivity range a low below its high", () => {
    const numeric = [...PROTOCOL_LEVERS, ...SCENARIO_LEVERS].filter((l) => ["number", "integer"].includes(String(nodeAt(l.path)?.type)));
    expect(numeric.filter((l) => l.step === undefined).map((l) => l.path)).toEqual([]);
    expect(SENSITIVITY_INPUTS.filter((i) => !(i.low < i.high)).map((i) => i.path)).toEqual([]);
  });

  it("is where the TUI, the report and the appraisal take their words from", () => {
    expect(PROTOCOL_LEVERS.find((l) => l.path === "protocol.triggerRatio")).toMatchObject({ label: "Trigger: open ÷ baseline ≥", step: 0.05, decimals: 2, measure: "open-cases" });
    expect(SENSITIVITY_INPUTS.find((i) => i.path === "costs.hmcts.perProceedings")).toMatchObject({ name: "court per proceedings (£)", low: 4000, high: 6000, source: "§8.7: £4–6k" });
    expect(REPORTED_FIELDS).toHaveLength(39);
  });
});
