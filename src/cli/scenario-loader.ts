import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { mergeScenario, parseScenario, type Scenario } from "../model/index.js";
import { UserError } from "./user-error.js";

/** Reads a scenario file, follows its `extends` chain, and validates it; bad input is a UserError listing every problem. */
export function loadScenario(path: string): Scenario {
  const data = readWithBase(resolve(path), []);
  const parsed = parseScenario(data);
  if (parsed.ok) return parsed.scenario;
  const lines = parsed.issues.map((i) => `  ${i.path}: ${i.message}`);
  throw new UserError(`${path} is not a valid scenario (${parsed.issues.length} problem${parsed.issues.length > 1 ? "s" : ""}):\n${lines.join("\n")}`);
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
