import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { integerIn } from "./options.js";

/** The options every simulating command shares, as commander parses them. */
export interface RunFlags { reps?: number; seed?: number; weeks?: number; workers: number; posterior?: string }

/** Adds --reps (at least `minReps`), --seed, --weeks, --workers and --posterior to a command. */
export function withRunOptions(command: Command, minReps: number): Command {
  return command
    .option("--reps <n>", "replications (default: the scenario's run.replications)", integerIn(minReps, 100_000))
    .option("--seed <n>", "random seed (default: the scenario's run.seed)", integerIn(0, Number.MAX_SAFE_INTEGER))
    .option("--weeks <n>", "horizon in weeks, overriding the scenario", integerIn(1, 1040))
    .option("--workers <n>", "worker threads (default: cores)", integerIn(1, 256), availableParallelism())
    .option("--posterior <file>", "draw each replication's uncertain inputs from this calibration (posterior.json from hubsim calibrate), so bands hold parameter uncertainty as well as simulation noise; default: the scenario's own posterior if it names one; none: fixed values");
}
