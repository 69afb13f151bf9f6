import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { mergeScenario, parseScenario, type Scenario } from "../model/index.js";
import { readInitialCases } from "./initial-cases-csv.js";
import { UserError } from "./user-error.js";

/**
 * Reads a scenario file, follows its `extends` chain, adds any `--initial` cases, and validates
 * it; bad input is a UserError listing every problem (CSV rows by line number).
 */
export function loadScenario(path: string, initialCsv?: string): Scenario {
  const data = readWithBase(resolve(path), []) as Record<string, unknown>;
  if (initialCsv !== undefined) data.initialCases = readInitialCases(initialCsv);
  const parsed = parseScenario(data);
  if (parsed.ok) return parsed.scenario;
  const where = (p: string): string => p.replace(/^initialCases\[(\d+)\]\.?/, (_, i: string) => `${initialCsv} line ${Number(i) + 2}: `).replace(/: $/, "");
  const lines = parsed.issues.map((i) => `  ${where(i.path)}: ${i.message}`);
  throw new UserError(`${path} is not a valid scenario (${parsed.issues.length} problem${parsed.issues.length > 1 ? "s" : ""}):\n${lines.join("\n")}`);
}

/** The scenario file's data with its `extends` chain merged in, before validation (for sweeps). */
export function loadScenarioData(path: string): unknown {
  return readWithBase(resolve(path), []);
}

function readWithBase(path: string, chain: readonly string[]): unknown {
  if (chain.includes(path)) throw new UserError(`scenario "extends" goes round in a circle: ${[...chain, path].join(" → ")}`);
  const data = readJson(path);
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw new UserError(`${path}: a scenario must be a JSON object`);
  const base = (data as { extends?: unknown }).extends;
  if (base === undefined) return data;
  if (typeof base !== "string") throw new UserError(`${path}: extends: expected a file path`);
  return mergeScenario(readWithBase(resolve(dirname(path), base), [...chain, path]), data);
}

/** Parses a JSON file, turning IO and syntax errors into messages that name the file. */
export function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UserError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}
