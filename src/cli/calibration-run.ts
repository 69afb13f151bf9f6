import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { abcSmc, fittedObservations, hubsimProblem, parameterSummary, priorProblems, type AbcState, type FittedObservation, type Observation } from "../experiment/index.js";
import type { Scenario } from "../model/index.js";
import type { OutputDir } from "./output-set.js";
import type { Io } from "./context.js";
import { executorFor } from "./executor-for.js";
import { defaultObservationsFile, readObservations } from "./observations-file.js";
import { fitKey, posteriorFile, readPosteriorFile, stateOf, type PosteriorFile } from "./posterior-file.js";
import { isoDate } from "../model/index.js";
import { progressBar } from "./progress-bar.js";
import { scenarioHash } from "./run-record.js";
import { UserError } from "./user-error.js";

/** What --reps-per-set does, for calibrate and backtest --fit-until. */
export const REPS_PER_SET_HELP = "replications averaged per parameter set: more damps the simulation noise that floors the tolerance, at that many times the cost";

/** How to fit: to which date, how hard, where the data are and where the posterior goes. */
export interface CalibrationOptions {
  readonly until: string;
  readonly particles: number;
  readonly generations: number;
  readonly quantile: number;
  /** Replications averaged per parameter set (1 when absent). */
  readonly replicationsPerSet?: number;
  readonly seed: number;
  readonly workers: number;
  readonly observations?: string;
  readonly out?: string;
  /** The --out directory as the command claimed it (checked and locked): posterior.json is written through it. */
  readonly outDir?: OutputDir;
}

/** A scenario's priors and observations, checked before anything runs: every problem is a UserError. */
export function checkedCalibration(scenario: Scenario, file: string, options: Pick<CalibrationOptions, "until" | "observations">): { observationsFile: string; observations: Observation[]; sha256: string } {
  if (!isoDate.safeParse(options.until).success) throw new UserError(`--until ${options.until}: expected a real date as YYYY-MM-DD`);
  if (scenario.priors.length === 0) throw new UserError(`${file}: the scenario declares no priors (add a "priors" section: each uncertain field's path, distribution and source)`);
  const problems = priorProblems(scenario, scenario.priors);
  if (problems.length > 0) throw new UserError(problems.join("\n"));
  const observationsFile = options.observations ?? defaultObservationsFile();
  const read = readObservations(observationsFile, scenario);
  try {
    fittedObservations(scenario, read.observations, options.until);
  } catch (error) {
    throw new UserError((error as Error).message);
  }
  return { observationsFile, ...read };
}

/** A fit as planned from the options: what its posterior file will say of itself, and how to write one for a state. */
export interface PlannedFit {
  readonly used: FittedObservation[];
  readonly key: string;
  content(state: AbcState): PosteriorFile;
}

/** The fit the options describe, checked before anything runs. */
export function plannedFit(scenario: Scenario, file: string, options: CalibrationOptions): PlannedFit {
  const { observationsFile, observations, sha256 } = checkedCalibration(scenario, file, options);
  const priors = scenario.priors, used = fittedObservations(scenario, observations, options.until);
  const settings = fitSettings(options);
  const header = { scenario: { name: scenario.name, file: basename(file), sha256: scenarioHash(scenario) }, priors, observationsFile: basename(observationsFile), observationsSha256: sha256, until: options.until, used, settings };
  const content = (s: AbcState): PosteriorFile => {
    const last = s.generations[s.generations.length - 1];
    return posteriorFile({ ...header, state: s, parameters: last === undefined ? [] : priors.map((_, k) => parameterSummary(last, k)) });
  };
  return { used, key: fitKey(content({ scales: [], generations: [] })), content };
}

/** The settings a posterior file records: replications per set only when more than one, so older fits keep their identity. */
export function fitSettings(o: CalibrationOptions): PosteriorFile["settings"] {
  const k = o.replicationsPerSet ?? 1;
  return { particles: o.particles, generations: o.generations, seed: o.seed, quantile: o.quantile, ...(k === 1 ? {} : { replicationsPerSet: k }) };
}

/** The finished generations of this fit in `dir`'s posterior.json, if any; a posterior of another fit there is refused. */
export function earlierFit(dir: string, fit: PlannedFit): AbcState | undefined {
  const path = join(dir, "posterior.json");
  if (!existsSync(path)) return undefined;
  const earlier = readPosteriorFile(path);
  if (fitKey(earlier) !== fit.key) throw new UserError(`${path} holds a posterior from another fit (scenario, priors, observations or settings differ): choose another --out, or remove it to start afresh`);
  return stateOf(earlier);
}

/** The name of the file that holds a sharded generation under way. */
export const PENDING_FILE = "calibration-pending.json";

/**
 * Fits the scenario's priors by ABC-SMC, writing posterior.json to `out` after every generation
 * (so a stopped fit resumes from its last finished generation when run again the same way).
 */
export async function runCalibration(scenario: Scenario, file: string, options: CalibrationOptions, io: Io): Promise<PosteriorFile> {
  const fit = plannedFit(scenario, file, options), priors = scenario.priors, used = fit.used;
  const settings = { particles: options.particles, generations: options.generations, seed: options.seed, quantile: options.quantile };
  if (options.out !== undefined && existsSync(join(options.out, PENDING_FILE))) throw new UserError(`${join(options.out, PENDING_FILE)}: a sharded generation is under way here; finish it with --shard rounds and hubsim merge, or remove the file to restart that generation`);
  const resume = options.out === undefined ? undefined : earlierFit(options.out, fit);
  if (resume !== undefined) {
    const done = resume.generations.length;
    io.err(resume.stopped !== undefined || done >= settings.generations
      ? `${join(options.out!, "posterior.json")} already holds this fit (${done} generation${done === 1 ? "" : "s"}${resume.stopped === undefined ? "" : ", stopped"}): nothing to simulate`
      : `resuming from generation ${done - 1} in ${join(options.out!, "posterior.json")}`);
  }
  const content = fit.content;
  const save = (s: AbcState): void => {
    if (options.outDir !== undefined) options.outDir.write({ "posterior.json": JSON.stringify(content(s), null, 2) + "\n" });
  };
  const executor = executorFor(options.workers, Math.max(2, options.particles), io);
  const bar = progressBar(io.progress ?? (process.stderr as NodeJS.WriteStream), "calibrating");
  let state: AbcState | undefined = resume;
  try {
    const problem = hubsimProblem(scenario, priors, used, executor, settings.seed, options.replicationsPerSet ?? 1);
    // Batches never change the result (proposals are kept in order), only how busy the workers stay.
    for await (const event of abcSmc(problem, { ...settings, batch: Math.max(options.particles, 4 * executor.concurrency) }, resume)) {
      if (event.kind === "batch") bar.update(event.accepted, event.needed);
      else {
        state = event.state;
        if (event.kind === "generation") save(state);
      }
    }
  } finally {
    bar.end();
    await executor.close();
  }
  save(state!);
  return content(state!);
}


