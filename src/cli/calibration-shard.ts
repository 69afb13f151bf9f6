import { existsSync, readFileSync, rmSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { z } from "zod";
import { fittedObservations, foldRound, observationGroup, generationStep, hubsimProblem, parameterSummary, roundEnd, roundProposals, type AbcSettings, type AbcState, type PendingGeneration } from "../experiment/index.js";
import type { Scenario } from "../model/index.js";
import { writeFilesAtomically } from "./atomic-write.js";
import { checkedCalibration, type CalibrationOptions } from "./calibration-run.js";
import type { Io } from "./context.js";
import { executorFor } from "./executor-for.js";
import { canonicalHash, posteriorFile, readPosteriorFile, stateOf, type PosteriorFile } from "./posterior-file.js";
import { scenarioHash } from "./run-record.js";
import { UserError } from "./user-error.js";

/** The kind tag of a calibration shard's partial file. */
export const CALIBRATION_PARTIAL = "hubsim-calibration-partial";
const PENDING = "calibration-pending.json";

const proposalSchema = z.strictObject({ index: z.number().int().min(0), theta: z.array(z.number()) });
const partialSchema = z.strictObject({
  kind: z.literal(CALIBRATION_PARTIAL), fit: z.string(), scenarioPath: z.string(),
  settings: z.strictObject({ until: z.string(), particles: z.number().int().min(1), generations: z.number().int().min(1), quantile: z.number(), seed: z.number().int().min(0), observations: z.string().optional() }),
  generation: z.number().int().min(0), from: z.number().int().min(0), to: z.number().int().min(1),
  shard: z.number().int().min(0), of: z.number().int().min(1), proposals: z.array(proposalSchema), summaries: z.array(z.array(z.number().nullable())), sha256: z.string(),
});
const pendingSchema = z.strictObject({
  fit: z.string(), generation: z.number().int().min(0), next: z.number().int().min(0), simulated: z.array(z.number().int()),
  kept: z.array(z.strictObject({ index: z.number().int(), theta: z.array(z.number()), summary: z.array(z.number().nullable()).optional(), distance: z.number().nullable() })),
});
type CalibrationPartial = z.output<typeof partialSchema>;

/** What one fit is: the same scenario, priors, observations, until and settings bar the number of generations. */
function fitKey(scenario: Scenario, sha256: string, options: CalibrationOptions): string {
  return canonicalHash({ scenario: scenarioHash(scenario), priors: scenario.priors, observations: sha256, until: options.until, particles: options.particles, seed: options.seed, quantile: options.quantile });
}

const settingsOf = (o: CalibrationOptions): AbcSettings => ({ particles: o.particles, generations: o.generations, seed: o.seed, quantile: o.quantile });

/** The fit so far in `dir`: its finished generations (posterior.json) and the generation under way (calibration-pending.json). */
function fitIn(dir: string, key: string, posteriorKey: (p: PosteriorFile) => boolean): { state: AbcState | undefined; pending: PendingGeneration | undefined } {
  const posteriorPath = join(dir, "posterior.json"), pendingPath = join(dir, PENDING);
  let state: AbcState | undefined;
  if (existsSync(posteriorPath)) {
    const file = readPosteriorFile(posteriorPath);
    if (!posteriorKey(file)) throw new UserError(`${posteriorPath} holds a posterior from another fit: choose another --out`);
    state = stateOf(file);
  }
  if (!existsSync(pendingPath)) return { state, pending: undefined };
  const parsed = pendingSchema.safeParse(JSON.parse(readFileSync(pendingPath, "utf8")));
  if (!parsed.success || parsed.data.fit !== key) throw new UserError(`${pendingPath} belongs to another fit or is damaged: remove it to restart this generation`);
  const p = parsed.data;
  return { state, pending: { generation: p.generation, next: p.next, simulated: p.simulated, kept: p.kept.map((k) => ({ index: k.index, theta: k.theta, ...(k.summary === undefined ? {} : { summary: k.summary.map((v) => v ?? NaN) }), distance: k.distance ?? NaN })) } };
}

/** This shard's slice of a round of proposals [from, to): contiguous, the shards together covering it once. */
function slice(from: number, to: number, shard: number, of: number): [number, number] {
  const size = to - from;
  return [from + Math.floor((shard * size) / of), from + Math.floor(((shard + 1) * size) / of)];
}

/**
 * `calibrate --shard i/n`: simulates shard i's slice of the current round of the fit in `out`
 * (a round is one particle-count of proposals) and writes its partial file there for `hubsim merge`.
 */
export async function calibrationShard(scenario: Scenario, file: string, options: CalibrationOptions & { out: string }, shard: { index: number; count: number }, io: Io): Promise<void> {
  const { observations, sha256 } = checkedCalibration(scenario, file, options);
  const key = fitKey(scenario, sha256, options), settings = settingsOf(options);
  const { state, pending } = fitIn(options.out, key, (p) => p.scenario.sha256 === scenarioHash(scenario) && p.settings.particles === options.particles && p.settings.seed === options.seed);
  if ((state?.generations.length ?? 0) >= options.generations || state?.stopped !== undefined) throw new UserError(`${join(options.out, "posterior.json")} already holds the fit (${state!.generations.length} generations${state!.stopped === undefined ? "" : ", stopped"})`);
  const step = generationStep(scenario.priors.map((p) => p.distribution), settings, state);
  const from = pending?.next ?? 0, to = roundEnd(settings, step.generation, from, options.particles);
  const [a, b] = slice(from, to, shard.index, shard.count);
  const proposals = roundProposals(step, a, b);
  const executor = executorFor(options.workers, Math.max(2, proposals.length));
  let summaries: readonly (readonly number[])[];
  try {
    summaries = await hubsimProblem(scenario, scenario.priors, fittedObservations(scenario, observations, options.until), executor, options.seed).simulate(proposals);
  } finally {
    await executor.close();
  }
  const fitSettings = { until: options.until, particles: options.particles, generations: options.generations, quantile: options.quantile, seed: options.seed, ...(options.observations === undefined ? {} : { observations: resolve(options.observations) }) };
  const body = { kind: CALIBRATION_PARTIAL, fit: key, scenarioPath: resolve(file), settings: fitSettings, generation: step.generation, from, to, shard: shard.index, of: shard.count, proposals: proposals.map((p) => ({ index: p.index, theta: [...p.theta] })), summaries: summaries.map((s) => s.map((v) => (Number.isFinite(v) ? v : null))) };
  const name = `calibration-g${step.generation}-${from}-${shard.index}-of-${shard.count}.json`;
  writeFilesAtomically(options.out, { [name]: JSON.stringify({ ...body, sha256: canonicalHash(body) }) + "\n" });
  io.err(`wrote ${join(options.out, name)}: generation ${step.generation}, proposals ${a}–${b - 1} of round ${from}–${to - 1}`);
}

/** Whether parsed JSON is a calibration shard's partial file. */
export function isCalibrationPartial(data: unknown): boolean {
  return typeof data === "object" && data !== null && (data as { kind?: unknown }).kind === CALIBRATION_PARTIAL;
}

/**
 * `hubsim merge calibration-*.json --out DIR`: folds one round's shards, checked to be whole,
 * untouched and of the fit in DIR, into it, exactly as an unsharded fit would; the partials are
 * then removed. Says whether the generation finished or another round of shards is needed.
 */
export function mergeCalibration(files: readonly string[], data: readonly unknown[], out: string, load: (file: string) => Scenario, workers: number, io: Io): PosteriorFile | undefined {
  const parts: CalibrationPartial[] = data.map((d, i) => {
    const parsed = partialSchema.safeParse(d);
    if (!parsed.success) throw new UserError(`${files[i]}: not a calibration partial file (${parsed.error.issues[0]?.message ?? ""})`);
    const { sha256, ...body } = parsed.data;
    if (canonicalHash(body) !== sha256) throw new UserError(`${files[i]}: its content does not match its checksum (damaged or edited)`);
    return parsed.data;
  });
  const first = parts[0]!, scenarioFile = first.scenarioPath, scenario = load(scenarioFile);
  const options: CalibrationOptions & { out: string } = { ...first.settings, workers, out };
  const { observations, sha256 } = checkedCalibration(scenario, scenarioFile, options);
  const key = fitKey(scenario, sha256, options), settings = settingsOf(options);
  parts.forEach((p, i) => {
    if (p.fit !== key) throw new UserError(`${files[i]}: from another fit (scenario, priors, observations or settings differ)`);
  });
  const { state, pending } = fitIn(options.out, key, (p) => p.scenario.sha256 === scenarioHash(scenario));
  const step = generationStep(scenario.priors.map((p) => p.distribution), settings, state);
  const from = pending?.next ?? 0, to = roundEnd(settings, step.generation, from, options.particles), of = parts[0]!.of;
  parts.forEach((p, i) => {
    if (p.generation !== step.generation || p.from !== from || p.to !== to || p.of !== of) throw new UserError(`${files[i]}: shard of generation ${p.generation}, round ${p.from}–${p.to - 1}, but the fit in ${options.out} is at generation ${step.generation}, round ${from}–${to - 1}`);
  });
  const sorted = [...parts].sort((a, b) => a.shard - b.shard);
  if (sorted.length !== of || sorted.some((p, i) => p.shard !== i)) throw new UserError(`the partial files do not hold shards 0–${of - 1} of the round exactly once`);
  const proposals = sorted.flatMap((p) => p.proposals), summaries = sorted.flatMap((p) => p.summaries.map((s) => s.map((v) => v ?? NaN)));
  const expected = roundProposals(step, from, to);
  if (JSON.stringify(expected.map((p) => [p.index, p.theta])) !== JSON.stringify(proposals.map((p) => [p.index, p.theta]))) throw new UserError("the partial files' proposals are not this round's (were they made for another fit state?)");
  const used = fittedObservations(scenario, observations, options.until);
  const problem = { priors: scenario.priors.map((p) => p.distribution), observed: used.map((o) => o.value), groups: used.map(observationGroup) };
  const folded = foldRound(problem, settings, state, pending, step, to, expected, summaries);
  const files2: Record<string, string> = {};
  let result: PosteriorFile | undefined;
  if (folded.state !== undefined && folded.state !== state) {
    const last = folded.state.generations[folded.state.generations.length - 1]!;
    result = posteriorFile({ scenario: { name: scenario.name, file: basename(scenarioFile), sha256: scenarioHash(scenario) }, priors: scenario.priors, observationsFile: basename(options.observations ?? "cafcass-published.csv"), observationsSha256: sha256, until: options.until, used, settings: { ...settings, quantile: options.quantile }, state: folded.state, parameters: scenario.priors.map((_, k) => parameterSummary(last, k)) });
    files2["posterior.json"] = JSON.stringify(result, null, 2) + "\n";
  }
  if (folded.pending !== undefined) {
    const p = folded.pending;
    files2[PENDING] = JSON.stringify({ fit: key, generation: p.generation, next: p.next, simulated: p.simulated, kept: p.kept.map((k) => ({ index: k.index, theta: k.theta, ...(k.summary === undefined ? {} : { summary: k.summary.map((v) => (Number.isFinite(v) ? v : null)) }), distance: Number.isFinite(k.distance) ? k.distance : null })) }) + "\n";
  }
  writeFilesAtomically(options.out, files2);
  if (folded.pending === undefined) rmSync(join(options.out, PENDING), { force: true });
  files.forEach((f) => rmSync(f, { force: true }));
  const done = folded.state?.generations.length ?? 0;
  io.err(folded.pending === undefined
    ? `generation ${step.generation} finished: ${join(options.out, "posterior.json")} holds ${done} of ${options.generations} generations${folded.state?.stopped === undefined ? "" : ` (stopped: ${folded.state.stopped})`}`
    : `generation ${step.generation}: ${folded.pending.kept.length} of ${options.particles} ${step.generation === 0 ? "simulated" : "accepted"} after proposals 0–${folded.pending.next - 1}; run the next round of shards`);
  return result;
}
