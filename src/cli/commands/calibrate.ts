import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import type { Command } from "commander";
import { withOutputs } from "../outputs.js";
import { REPS_PER_SET_HELP, runCalibration } from "../calibration-run.js";
import { calibrationShard } from "../calibration-shard.js";
import { parseShard } from "../partial-file.js";
import type { Io } from "../context.js";
import { integerIn } from "../options.js";
import { posteriorHtml, posteriorText } from "../posterior-output.js";
import { MAX_REPLICATIONS_PER_SET } from "../posterior-file.js";
import { loadScenario } from "../scenario-loader.js";
import { UserError } from "../user-error.js";

interface CalibrateOptions { shard?: string; html?: string; until: string; particles: number; generations: number; repsPerSet: number; seed?: number; workers: number; observations?: string; out?: string; json?: boolean; quantile: string }

/** Parses --quantile: a share strictly between 0 and 1. */
export function quantileOption(text: string): number {
  const q = Number(text);
  if (!(q > 0 && q < 1)) throw new UserError(`--quantile ${text}: must be between 0 and 1, exclusive`);
  return q;
}

/** `hubsim calibrate`: fits the scenario's priors to observations by ABC-SMC and writes posterior.json. */
export function calibrateCommand(program: Command, io: Io): void {
  program
    .command("calibrate")
    .description("fit the scenario's uncertain inputs (its priors) to observed data by ABC-SMC, writing posterior.json for --posterior")
    .argument("<scenario>", "the scenario file; its priors section lists the inputs to fit")
    .requiredOption("--until <date>", "fit only observations dated on or before this date (YYYY-MM-DD)")
    .option("--particles <n>", "parameter sets kept per generation", integerIn(10, 100_000), 200)
    .option("--generations <n>", "generations, each with a tighter tolerance", integerIn(1, 50), 5)
    .option("--reps-per-set <k>", REPS_PER_SET_HELP, integerIn(1, MAX_REPLICATIONS_PER_SET), 1)
    .option("--quantile <q>", "each tolerance is this quantile of the previous generation's distances", "0.5")
    .option("--seed <n>", "random seed (default: the scenario's run.seed)", integerIn(0, Number.MAX_SAFE_INTEGER))
    .option("--workers <n>", "worker threads (default: cores)", integerIn(1, 256), availableParallelism())
    .option("--observations <file>", "tidy CSV of date,area,measure,value,source (default: the published series in observations/)")
    .option("--out <dir>", "write posterior.json here after every generation; run again with the same options to resume")
    .option("--json", "print the posterior file instead of the text")
    .option("--html <file>", "write a page of prior against posterior for every parameter, and how the generations narrowed")
    .option("--shard <i/n>", "simulate only shard i of n (0-based) of the fit's current round of proposals and write its partial file to --out; `hubsim merge` folds a round's shards in, then run the shards again for the next round")
    .action(async (file: string, options: CalibrateOptions) => {
      const scenario = loadScenario(file);
      const settings = {
        until: options.until, particles: options.particles, generations: options.generations, quantile: quantileOption(options.quantile), replicationsPerSet: options.repsPerSet,
        seed: options.seed ?? scenario.run.seed, workers: options.workers, ...(options.observations === undefined ? {} : { observations: options.observations }),
      };
      if (options.shard !== undefined) {
        if (options.out === undefined) throw new UserError("--shard needs --out DIR: the fit so far and the partial files live there");
        // A shard writes only its own partial file (claimed alone), so several can share --out at once.
        return calibrationShard(scenario, file, { ...settings, out: options.out }, parseShard(options.shard), io);
      }
      return withOutputs(options, async (outputs) => {
        const posterior = await runCalibration(scenario, file, { ...settings, ...(outputs.dir === undefined ? {} : { out: outputs.dir.path, outDir: outputs.dir }) }, io);
        io.out(options.json === true ? JSON.stringify(posterior, null, 2) : posteriorText(posterior));
        if (options.out !== undefined) io.err(`wrote ${join(options.out, "posterior.json")} (${basename(file)}, ${posterior.generations.length} generations)`);
        if (outputs.html !== undefined) io.err(`wrote ${outputs.html.write(posteriorHtml(posterior))}`);
      });
    });
}
