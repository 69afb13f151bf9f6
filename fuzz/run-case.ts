import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../src/cli/run-cli.js";
import { loadScenarioData } from "../src/cli/scenario-loader.js";
import type { FuzzCase } from "./cases.js";

/** How one case ended: the exit code, and whether an exit 2 left anything behind. */
export interface CaseOutcome {
  readonly index: number;
  readonly code: number;
  /** Output files or temporaries left after an exit 2 (there must be none). */
  readonly leftovers: readonly string[];
  /** The first line of an internal error (exit 1), if any. */
  readonly error?: string;
}

/** The shipped scenarios (with their `extends` resolved), cut to a 2-week warm-up so every run is short. */
export function templates(root: string): { name: string; data: unknown }[] {
  const dir = join(root, "scenarios");
  // Calibrations (posterior-*.json) kept beside the scenarios are not scenarios.
  return readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "scenario.schema.json" && !f.startsWith("posterior-")).sort().map((f) => {
    const data = loadScenarioData(join(dir, f)) as Record<string, unknown>;
    return { name: f, data: { ...data, warmupWeeks: 2 } };
  });
}

/** Runs one case through `hubsim run` in this process (1 replication, --weeks cut short) in its own directory. */
export async function runCase(c: FuzzCase, work: string): Promise<CaseOutcome> {
  const dir = join(work, `case-${c.index}`), out = join(dir, "out");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "scenario.json");
  writeFileSync(file, JSON.stringify(c.scenario));
  const errors: string[] = [];
  const code = await runCli(["run", file, "--reps", "1", "--workers", "1", "--weeks", String(c.weeks), "--out", out], { out: () => {}, err: (t) => void errors.push(t) });
  const left = code === 2 ? [...(existsSync(out) ? ["out"] : []), ...readdirSync(dir).filter((f) => f !== "scenario.json" && f !== "out")] : [];
  const error = code === 1 ? errors.join("\n").split("\n").slice(0, 3).join(" | ") : undefined;
  rmSync(dir, { recursive: true, force: true });
  return { index: c.index, code, leftovers: left, ...(error === undefined ? {} : { error }) };
}
