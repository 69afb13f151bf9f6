import { z } from "zod";
import { scenarioSchema, type Scenario } from "./scenario-schema.js";

/** One problem with a scenario: where (a dotted path) and what. */
export interface ScenarioIssue {
  readonly path: string;
  readonly message: string;
}

/** A parsed scenario, or every problem found. */
export type ParseResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/** Validates unknown data (parsed JSON) against the scenario schema, filling defaults. */
export function parseScenario(data: unknown): ParseResult {
  const result = scenarioSchema.safeParse(data);
  if (result.success) return { ok: true, scenario: result.data };
  return { ok: false, issues: result.error.issues.map((i) => ({ path: formatPath(i.path), message: describe(i) })) };
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(scenario)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  return issue.message;
}

/** JSON Schema for scenario files (draft 2020-12), generated from the zod schema. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" });
}
