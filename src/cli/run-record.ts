import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Scenario } from "../model/index.js";
import { packageInfo } from "./package-info.js";

/** SHA-256 of the scenario as parsed (defaults filled), so equal inputs give equal hashes. */
export function scenarioHash(scenario: Scenario): string {
  return createHash("sha256").update(JSON.stringify(scenario)).digest("hex");
}

/** The run record written as run.json: enough to reproduce the run exactly. */
export function runRecord(args: { scenario: Scenario; scenarioFile: string; seed: number; replications: number; command: readonly string[]; started: Date; finished: Date; posterior?: string }): object {
  const pkg = packageInfo();
  const manifest = JSON.parse(readFileSync(join(pkg.root, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  return {
    hubsim: pkg.version,
    node: process.version,
    dependencies: manifest.dependencies ?? {},
    // The parsed scenario itself (defaults filled, any --initial cases included), so `hubsim rerun` needs nothing else.
    scenario: { name: args.scenario.name, file: args.scenarioFile, sha256: scenarioHash(args.scenario), content: args.scenario },
    seed: args.seed,
    replications: args.replications,
    horizonWeeks: args.scenario.horizonWeeks,
    // Which calibration each replication drew its uncertain inputs from (none: the scenario's own values).
    ...(args.posterior === undefined ? {} : { posterior: args.posterior }),
    command: ["hubsim", ...args.command],
    started: args.started.toISOString(),
    finished: args.finished.toISOString(),
  };
}
