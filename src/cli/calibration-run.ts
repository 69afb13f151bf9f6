import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { abcSmc, fittedObservations, hubsimProblem, parameterSummary, priorProblems, type AbcState, type Observation } from "../experiment/index.js";
import type { Scenario } from "../model/index.js";
import { writeFilesAtomically } from "./atomic-write.js";
import type { Io } from "./context.js";
import { executorFor } from "./executor-for.js";
import { defaultObservationsFile, readObservations } from "./observations-file.js";
import { canonicalHash, posteriorFile, readPosteriorFile, stateOf, type PosteriorFile } from "./posterior-file.js";
import { progressBar } from "./progress-bar.js";
import { scenarioHash } from "./run-record.js";
import { UserError } from "./user-error.js";

/** How to fit: to which date, how hard, where the data are and where the posterior goes. */
export interface CalibrationOptions {
  readonly until: string;
  readonly particles: number;
  readonly generations: number;
  readonly quantile: number;
  readonly seed: number;
  readonly workers: number;
  readonly observations?: string;
  readonly out?: string;
}

/** A scenario's priors and observations, checked before anything runs: every problem is a UserError. */
export function checkedCalibration(scenario: Scenario, file: string, options: Pick<CalibrationOptions, "until" | "observations">): { observationsFile: string; observations: Observation[]; sha256: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.until)) throw new UserError(`--until ${options.until}: expected a date as YYYY-MM-DD`);
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

/**
 * Fits the scenario's priors by ABC-SMC, writing posterior.json to `out` after every generation
 * (so a stopped fit resumes from its last finished generation when run again the same way).
 */
export async function runCalibration(scenario: Scenario, file: string, options: CalibrationOptions, io: Io): Promise<PosteriorFile> {
  const { observationsFile, observations, sha256 } = checkedCalibration(scenario, file, options);
  const priors = scenario.priors, used = fittedObservations(scenario, observations, options.until);
  const settings = { particles: options.particles, generations: options.generations, seed: options.seed, quantile: options.quantile };
  const header = { scenario: { name: scenario.name, file: basename(file), sha256: scenarioHash(scenario) }, priors, observationsFile: basename(observationsFile), observationsSha256: sha256, until: options.until, used, settings };
  const resume = options.out === undefined ? undefined : resumable(join(options.out, "posterior.json"), posteriorFile({ ...header, state: { scales: [], generations: [] }, parameters: [] }));
  if (resume !== undefined) io.err(`resuming from generation ${resume.generations.length - 1} in ${join(options.out!, "posterior.json")}`);
  const content = (s: AbcState): PosteriorFile => {
    const last = s.generations[s.generations.length - 1]!;
    return posteriorFile({ ...header, state: s, parameters: priors.map((_, k) => parameterSummary(last, k)) });
  };
  const save = (s: AbcState): void => {
    if (options.out !== undefined) writeFilesAtomically(options.out, { "posterior.json": JSON.stringify(content(s), null, 2) + "\n" });
  };
  const executor = executorFor(options.workers, Math.max(2, options.particles));
  const bar = progressBar(io.progress ?? (process.stderr as NodeJS.WriteStream), "calibrating");
  let state: AbcState | undefined = resume;
  try {
    const problem = hubsimProblem(scenario, priors, used, executor, settings.seed);
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

/** The fit to resume from an earlier posterior.json of the same fit (same scenario, priors, observations and settings bar the generations), if any. */
function resumable(path: string, planned: PosteriorFile): AbcState | undefined {
  if (!existsSync(path)) return undefined;
  const earlier = readPosteriorFile(path);
  const key = (f: PosteriorFile): string => canonicalHash({ s: f.scenario.sha256, p: f.priorsSha256, o: f.observations, q: f.settings.quantile, n: f.settings.particles, seed: f.settings.seed });
  if (key(earlier) !== key(planned)) throw new UserError(`${path} holds a posterior from another fit (scenario, priors, observations or settings differ): choose another --out, or remove it to start afresh`);
  if (earlier.generations.length >= planned.settings.generations) throw new UserError(`${path} already holds ${earlier.generations.length} generations: ask for more with --generations, or choose another --out`);
  return stateOf(earlier);
}
