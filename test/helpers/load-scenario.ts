import { readFileSync } from "node:fs";
import { join } from "node:path";
import { mergeScenario, parseScenario, type Scenario } from "../../src/model/index.js";

/** The shipped scenarios' directory. */
export const SCENARIO_DIR = join(import.meta.dirname, "..", "..", "scenarios");

/** Loads and parses a shipped scenario, resolving one level of `extends`. */
export function loadScenario(file: string): Scenario {
  const raw = JSON.parse(readFileSync(join(SCENARIO_DIR, file), "utf8")) as { extends?: string };
  const data = raw.extends === undefined ? raw : mergeScenario(JSON.parse(readFileSync(join(SCENARIO_DIR, raw.extends), "utf8")), raw);
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}
