/** Runs ../shared/bench/simpy_mmc.py when python3 with simpy is present, for the SimPy ratio. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PYTHONS = ["/usr/bin/python3", "python3"];

/** Path of the shared SimPy script, or undefined when ../shared is not beside the repo. */
export function simpyScript(): string | undefined {
  const path = fileURLToPath(new URL("../../../shared/bench/simpy_mmc.py", import.meta.url));
  return existsSync(path) ? path : undefined;
}

/** A python3 that can import simpy, or undefined. */
export function simpyPython(): string | undefined {
  for (const py of PYTHONS) {
    try {
      execFileSync(py, ["-c", "import simpy"], { stdio: "ignore" });
      return py;
    } catch {
      // try the next interpreter
    }
  }
  return undefined;
}

/** Model events per second SimPy reached on one replication of the case. */
export function simpyEventsPerSecond(python: string, script: string, caseKey: string, horizon: number, seed: number): { events: number; perSecond: number } {
  const out = execFileSync(python, [script, "--case", caseKey, "--horizon", String(horizon), "--warmup", "0", "--reps", "1", "--seed", String(seed), "--json"], { encoding: "utf8" });
  // Python writes NaN for a one-replication CI, which JSON does not allow.
  const parsed = JSON.parse(out.replace(/\bNaN\b/g, "null")) as { model_events: number; model_events_per_s: number };
  return { events: parsed.model_events, perSecond: parsed.model_events_per_s };
}
