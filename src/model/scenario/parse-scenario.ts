import { z } from "zod";
import { formatPath, issueText } from "./issue-text.js";
import { scenarioSchema, type Scenario } from "./scenario-schema.js";

/** One problem with a scenario: where (a dotted path) and what, as a sentence naming the field. */
export interface ScenarioIssue {
  readonly path: string;
  /** The whole sentence, field first: "horizonWeeks must be at most 1,040 (20 years)". */
  readonly message: string;
}

/** A parsed scenario, or every problem found. */
export type ParseResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/** Validates unknown data (parsed JSON) against the scenario schema, filling defaults. */
export function parseScenario(data: unknown): ParseResult {
  const result = scenarioSchema.safeParse(data);
  if (result.success) return { ok: true, scenario: result.data };
  // zod can report one bound twice (an integer's safe range and its max): each sentence once.
  const issues = result.error.issues.map((i) => ({ path: formatPath(i.path), message: issueText(i) }));
  return { ok: false, issues: issues.filter((i, k) => issues.findIndex((j) => j.message === i.message) === k) };
}

/** JSON Schema for scenario files (draft 2020-12), generated from the zod schema. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" });
}
