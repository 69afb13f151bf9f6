import { readFileSync } from "node:fs";
import type { PosteriorDraws } from "../experiment/index.js";
import { join } from "node:path";
import type { Scenario } from "../model/index.js";
import { sha256Of } from "./canonical-json.js";
import { packageInfo } from "./package-info.js";

/** SHA-256 of the scenario's canonical JSON (keys sorted), so equal inputs give equal hashes whatever their key order. */
export function scenarioHash(scenario: unknown): string {
  return sha256Of(scenario);
}

/** SHA-256 over the scenario, seed and replications together: what a record's outputs depend on. */
export function runHash(scenario: unknown, seed: number, replications: number, extra?: unknown): string {
  return sha256Of({ scenario, seed, replications, ...(extra === undefined ? {} : { extra }) });
}

/** What every record shares: versions, command line and times. */
function provenance(command: readonly string[], started: Date, finished: Date): object {
  const pkg = packageInfo();
  const manifest = JSON.parse(readFileSync(join(pkg.root, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  return { hubsim: pkg.version, node: process.version, dependencies: manifest.dependencies ?? {}, command: ["hubsim", ...command], started: started.toISOString(), finished: finished.toISOString() };
}

/** The run record written as run.json: enough to reproduce the run exactly. */
export function runRecord(args: { scenario: Scenario; scenarioFile: string; seed: number; replications: number; command: readonly string[]; started: Date; finished: Date; posterior?: PosteriorDraws }): object {
  const { command, started, finished, ...rest } = provenance(args.command, args.started, args.finished) as Record<string, unknown>;
  return {
    ...rest,
    // The parsed scenario itself (defaults filled, any --initial cases included), so `hubsim rerun` needs nothing else.
    scenario: { name: args.scenario.name, file: args.scenarioFile, sha256: scenarioHash(args.scenario), content: args.scenario },
    seed: args.seed,
    replications: args.replications,
    horizonWeeks: args.scenario.horizonWeeks,
    // The calibration's draws each replication chose from (none: the scenario's own values), so `hubsim rerun` needs nothing else.
    ...(args.posterior === undefined ? {} : { posterior: args.posterior }),
    // Over scenario, seed, replications and any posterior together: an edit to any of them is caught by `hubsim rerun`.
    sha256: runHash(args.scenario, args.seed, args.replications, args.posterior === undefined ? undefined : { posterior: args.posterior }),
    command, started, finished,
  };
}

/** The record of a sweep or appraisal (run.json): the command, its scenario data and its settings, for `hubsim rerun`. */
export function commandRecord(args: { kind: "sweep" | "appraise"; scenario: unknown; scenarioFile: string; seed: number; replications: number; settings: object; command: readonly string[]; started: Date; finished: Date }): object {
  const name = (args.scenario as { name?: unknown }).name;
  return {
    kind: args.kind,
    ...provenance(args.command, args.started, args.finished),
    scenario: { name: typeof name === "string" ? name : "", file: args.scenarioFile, sha256: scenarioHash(args.scenario), content: args.scenario },
    seed: args.seed,
    replications: args.replications,
    settings: args.settings,
    sha256: runHash(args.scenario, args.seed, args.replications, args.settings),
  };
}
