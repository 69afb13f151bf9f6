import { z } from "zod";
import { inputIssues, type InputIssue } from "./issue-text.js";
import { scenarioSchema, type Scenario } from "./scenario-schema.js";

/** One problem with a scenario: zod's code, where (a dotted path) and what, as a sentence naming the field. */
export type ScenarioIssue = InputIssue;

/** A parsed scenario, or every problem found. */
export type ParseResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/** Validates unknown data (parsed JSON) against the scenario schema, filling defaults. */
export function parseScenario(data: unknown): ParseResult {
  const result = scenarioSchema.safeParse(data);
  if (result.success) return { ok: true, scenario: result.data };
  return { ok: false, issues: inputIssues(result.error.issues) };
}

/** JSON Schema for scenario files (draft 2020-12), generated from the zod schema. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" });
}
