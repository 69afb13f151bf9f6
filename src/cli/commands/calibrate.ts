import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import type { Command } from "commander";
import { abcSmc, fittedObservations, hubsimProblem, parameterSummary, priorProblems, type AbcState } from "../../experiment/index.js";
import { calibrationText, priorWords } from "../../report/index.js";
import { writeFilesAtomically } from "../atomic-write.js";
import type { Io } from "../context.js";
import { executorFor } from "../executor-for.js";
import { defaultObservationsFile, readObservations } from "../observations-file.js";
import { integerIn } from "../options.js";
import { canonicalHash, posteriorFile, readPosteriorFile, stateOf, type PosteriorFile } from "../posterior-file.js";
import { progressBar } from "../progress-bar.js";
import { scenarioHash } from "../run-record.js";
import { loadScenario } from "../scenario-loader.js";
import { UserError } from "../user-error.js";
import { availableParallelism } from "node:os";

interface CalibrateOptions { until: string; particles: number; generations: number; seed?: number; workers: number; observations?: string; out?: string; json?: boolean; quantile: string }

/** `hubsim calibrate`: fits the scenario's priors to observations by ABC-SMC and writes posterior.json. */
export function calibrateCommand(program: Command, io: Io): void {
  program
    .command("calibrate")
    .description("fit the scenario's uncertain inputs (its priors) to observed data by ABC-SMC, writing posterior.json for --posterior")
    .argument("<scenario>", "the scenario file; its priors section lists the inputs to fit")
    .requiredOption("--until <date>", "fit only observations dated on or before this date (YYYY-MM-DD)")
    .option("--particles <n>", "parameter sets kept per generation", integerIn(10, 100_000), 200)
    .option("--generations <n>", "generations, each with a tighter tolerance", integerIn(1, 50), 5)
    .option("--quantile <q>", "each tolerance is this quantile of the previous generation's distances", "0.5")
    .option("--seed <n>", "random seed (default: the scenario's run.seed)", integerIn(0, Number.MAX_SAFE_INTEGER))
    .option("--workers <n>", "worker threads (default: cores)", integerIn(1, 256), availableParallelism())
    .option("--observations <file>", "tidy CSV of date,area,measure,value,source (default: the published series in observations/)")
    .option("--out <dir>", "write posterior.json here after every generation; run again with the same options to resume")
    .option("--json", "print the posterior file instead of the text")
    .action(async (file: string, options: CalibrateOptions) => {
      const scenario = loadScenario(file);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(options.until)) throw new UserError(`--until ${options.until}: expected a date as YYYY-MM-DD`);
      const quantile = Number(options.quantile);
      if (!(quantile > 0 && quantile < 1)) throw new UserError(`--quantile ${options.quantile}: must be between 0 and 1, exclusive`);
      const priors = scenario.priors;
      if (priors.length === 0) throw new UserError(`${file}: the scenario declares no priors (add a "priors" section: each uncertain field's path, distribution and source)`);
      const problems = priorProblems(scenario, priors);
      if (problems.length > 0) throw new UserError(problems.join("\n"));
      const observationsFile = options.observations ?? defaultObservationsFile();
      const { observations, sha256 } = readObservations(observationsFile, scenario);
      let used;
      try {
        used = fittedObservations(scenario, observations, options.until);
      } catch (error) {
        throw new UserError((error as Error).message);
      }
      const settings = { particles: options.particles, generations: options.generations, seed: options.seed ?? scenario.run.seed, quantile };
      const header = { scenario: { name: scenario.name, file: basename(file), sha256: scenarioHash(scenario) }, priors, observationsFile: basename(observationsFile), observationsSha256: sha256, until: options.until, used, settings };
      const resume = options.out === undefined ? undefined : resumable(join(options.out, "posterior.json"), posteriorFile({ ...header, state: { scales: [], generations: [] }, parameters: [] }));
      if (resume !== undefined) io.err(`resuming from generation ${resume.generations.length - 1} in ${options.out}/posterior.json`);

      const executor = executorFor(options.workers, Math.max(2, options.particles));
      const bar = progressBar(io.progress ?? (process.stderr as NodeJS.WriteStream), "calibrating");
      let state: AbcState | undefined = resume;
      const write = (s: AbcState): PosteriorFile => {
        const last = s.generations[s.generations.length - 1]!;
        const content = posteriorFile({ ...header, state: s, parameters: priors.map((_, k) => parameterSummary(last, k)) });
        if (options.out !== undefined) writeFilesAtomically(options.out, { "posterior.json": JSON.stringify(content, null, 2) + "\n" });
        return content;
      };
      try {
        const problem = hubsimProblem(scenario, priors, used, executor, settings.seed);
        for await (const event of abcSmc(problem, { ...settings, batch: Math.max(options.particles, 4 * executor.concurrency) }, resume)) {
          if (event.kind === "batch") bar.update(event.accepted, event.needed);
          else if (event.kind === "generation") {
            state = event.state;
            write(state);
          } else state = event.state;
        }
      } finally {
        bar.end();
        await executor.close();
      }
      const content = write(state!);
      io.out(options.json === true ? JSON.stringify(content, null, 2) : calibrationText({
        scenario: scenario.name, until: options.until, observationsFile: basename(observationsFile), used: used.length, particles: settings.particles, seed: settings.seed,
        parameters: content.parameters.map((p, i) => ({ ...p, prior: priorWords(priors[i]!.distribution) })),
        generations: content.generations, ...(content.stopped === undefined ? {} : { stopped: content.stopped }),
      }));
      if (options.out !== undefined) io.err(`wrote ${join(options.out, "posterior.json")}`);
    });
}

/** The fit to resume from an earlier posterior.json of the same fit (same scenario, priors, observations and settings bar the generations), if any. */
function resumable(path: string, planned: PosteriorFile): AbcState | undefined {
  if (!existsSync(path)) return undefined;
  const earlier = readPosteriorFile(path);
  const key = (f: PosteriorFile): string => canonicalHash({ s: f.scenario.sha256, p: f.priorsSha256, o: f.observations, q: f.settings.quantile, n: f.settings.particles, seed: f.settings.seed });
  if (key(earlier) !== key(planned)) throw new UserError(`${path} holds a posterior from another fit (scenario, priors, observations or settings differ): choose another --out, or remove it to start afresh`);
  if (earlier.generations.length >= planned.settings.generations) throw new UserError(`${path} already holds ${earlier.generations.length} generations: ask for more with --generations, or choose another --out`);
  return stateOf(earlier);
}
