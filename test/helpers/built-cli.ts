import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { smallScenarioInput } from "./small-scenario.js";

// Runs the built CLI (npm test builds first), as a user would.
const ROOT = join(import.meta.dirname, "..", "..");
export const BIN = join(ROOT, "bin", "hubsim.js");

/** A fresh working directory for one test file. */
export function workDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `hubsim-${prefix}-`));
}

/** What a finished hubsim process gave back. */
export interface Outcome { readonly status: number | null; readonly signal: string | null; readonly stdout: string; readonly stderr: string }

/** Runs hubsim to completion in `cwd`, with extra environment variables. */
export function hubsimIn(cwd: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Outcome {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd, env: { ...process.env, ...env } });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Starts hubsim without waiting; `done` resolves with its outcome. */
export function startHubsim(cwd: string, args: readonly string[]): { pid: number; done: Promise<Outcome> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd });
  let stdout = "", stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Outcome>((resolve) => child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr })));
  return { pid: child.pid!, done };
}

/** Writes the small two-area scenario (with `overrides`) as `name` in `dir`. */
export function smallFile(dir: string, name: string, overrides: Record<string, unknown> = {}): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ ...smallScenarioInput(), horizonWeeks: 8, warmupWeeks: 4, ...overrides }));
  return path;
}

/** Every file in a directory with its exact content, for "left exactly as it was" comparisons. */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

/** The hidden temporaries and locks hubsim keeps beside an output (none should outlive it). */
export function leftovers(parent: string): string[] {
  return readdirSync(parent).filter((f) => /\.(tmp|old)$|hubsim-lock$/.test(f)).sort();
}
