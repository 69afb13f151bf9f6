import { dirname, isAbsolute, relative, resolve } from "node:path";
import { issuesText, mergeScenario, parseScenario, type Scenario } from "../model/index.js";
import { csvProblem, readInitialCases } from "./initial-cases-csv.js";
import { readBoundedText } from "./bounded-read.js";
import { UserError } from "./user-error.js";
import { withSettings, type Setting } from "./set-option.js";

/**
 * Reads a scenario file, follows its `extends` chain, applies any `--set` fields, adds any
 * `--initial` cases, and validates it; bad input is a UserError listing every problem (CSV rows
 * by line number).
 */
export function loadScenario(path: string, initialCsv?: string, settings: readonly Setting[] = []): Scenario {
  const read = readWithBase(resolve(path), []);
  // The file's own problems are named as the file's, all of them, before any --set is blamed.
  if (settings.length > 0 && initialCsv === undefined && !parseScenario(read).ok) return validated(path, read as Record<string, unknown>);
  const data = (settings.length === 0 ? read : withSettings(read, settings)) as Record<string, unknown>;
  return validated(path, data, initialCsv);
}

/** The scenario `data` (with any `--initial` cases added) validated, or a UserError listing every problem. */
function validated(path: string, data: Record<string, unknown>, initialCsv?: string): Scenario {
  const initial = initialCsv === undefined ? undefined : readInitialCases(initialCsv);
  if (initial !== undefined) data.initialCases = initial.rows;
  const parsed = parseScenario(data);
  if (parsed.ok) return parsed.scenario;
  const issues = initial === undefined ? parsed.issues : parsed.issues.map((i) => ({ ...i, message: csvProblem(i.message, initialCsv!, initial.lines) }));
  throw new UserError(`${path} is not a valid scenario (${parsed.issues.length} problem${parsed.issues.length > 1 ? "s" : ""}):\n  ${issuesText(issues, { separator: "\n  " })}`);
}

/** The scenario a command runs: the `recorded` data when it has some (a run record's, for `hubsim rerun`: any --set is in it), else `path` loaded with `settings`. */
export function scenarioFrom(path: string, recorded: unknown, initialCsv?: string, settings: readonly Setting[] = []): Scenario {
  if (recorded === undefined) return loadScenario(path, initialCsv, settings);
  const parsed = parseScenario(recorded);
  if (parsed.ok) return parsed.scenario;
  throw new UserError(`${path}: the recorded scenario is not valid: ${issuesText(parsed.issues, { limit: 5 })}`);
}

/** The scenario data a command starts from: the `recorded` data when it has some, else `path`'s with its `extends` merged in. */
export function scenarioDataFrom(path: string, recorded: unknown): unknown {
  return recorded === undefined ? loadScenarioData(path) : structuredClone(recorded);
}

/** The scenario file's data with its `extends` chain merged in, before validation (for sweeps). */
export function loadScenarioData(path: string): unknown {
  return readWithBase(resolve(path), []);
}

function readWithBase(path: string, chain: readonly string[]): unknown {
  if (chain.includes(path)) throw new UserError(`scenario "extends" goes round in a circle: ${[...chain, path].join(" → ")}`);
  const data = readJson(path);
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw new UserError(`${path}: a scenario must be a JSON object`);
  // A posterior named by a base file is beside that file: restate it relative to the file being run.
  const posterior = (data as { posterior?: unknown }).posterior;
  if (chain.length > 0 && typeof posterior === "string" && !isAbsolute(posterior)) {
    (data as { posterior: string }).posterior = relative(dirname(chain[0]!), resolve(dirname(path), posterior));
  }
  const base = (data as { extends?: unknown }).extends;
  if (base === undefined) return data;
  if (typeof base !== "string") throw new UserError(`${path}: extends: expected a file path`);
  if (!base.toLowerCase().endsWith(".json")) throw new UserError(`${path}: extends must name a .json scenario file`);
  return mergeScenario(readWithBase(resolve(dirname(path), base), [...chain, path]), data);
}

/** The largest scenario (or run record) hubsim reads: far above any real one, well below what would exhaust memory. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/**
 * Parses a JSON file, turning IO and syntax errors into messages that name the file. Only regular
 * files up to `maxBytes` are read (never a device or a pipe), and an error never quotes the file's content.
 */
export function readJson(path: string, maxBytes = MAX_JSON_BYTES): unknown {
  const text = readBoundedText(path, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UserError(`${path} is not valid JSON${where(text, (error as Error).message)}`);
  }
}

/** Where a JSON syntax error is, as line and column (the parser's own message quotes the text, which must not be echoed). */
function where(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (m === null) return text.trim() === "" ? " (the file is empty)" : "";
  const before = text.slice(0, Number(m[1])).split("\n");
  return ` (line ${before.length}, column ${before[before.length - 1]!.length + 1})`;
}
