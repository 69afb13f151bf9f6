import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { foldRound, observationGroup, generationStep, hubsimProblem, roundEnd, roundProposals, type AbcSettings, type AbcState, type PendingGeneration } from "../experiment/index.js";
import { inputIssues, issuesText, type Scenario } from "../model/index.js";
import { claimOutputFile, type OutputDir } from "./output-set.js";
import { earlierFit, PENDING_FILE, plannedFit, type CalibrationOptions, type PlannedFit } from "./calibration-run.js";
import type { Io } from "./context.js";
import { executorFor } from "./executor-for.js";
import { canonicalHash, MAX_REPLICATIONS_PER_SET, type PosteriorFile } from "./posterior-file.js";
import { UserError } from "./user-error.js";

/** The kind tag of a calibration shard's partial file. */
export const CALIBRATION_PARTIAL = "hubsim-calibration-partial";

const proposalSchema = z.strictObject({ index: z.number().int().min(0), theta: z.array(z.number()) });
const partialSchema = z.strictObject({
  kind: z.literal(CALIBRATION_PARTIAL), fit: z.string(), scenarioPath: z.string(),
  settings: z.strictObject({ until: z.string(), particles: z.number().int().min(1), generations: z.number().int().min(1), quantile: z.number(), seed: z.number().int().min(0), replicationsPerSet: z.number().int().min(2).max(MAX_REPLICATIONS_PER_SET).optional(), observations: z.string().optional() }),
  generation: z.number().int().min(0), from: z.number().int().min(0), to: z.number().int().min(1),
  shard: z.number().int().min(0), of: z.number().int().min(1), proposals: z.array(proposalSchema), summaries: z.array(z.array(z.number().nullable())), sha256: z.string(),
});
const pendingSchema = z.strictObject({
  fit: z.string(), generation: z.number().int().min(0), next: z.number().int().min(0), simulated: z.array(z.number().int()),
  kept: z.array(z.strictObject({ index: z.number().int(), theta: z.array(z.number()), summary: z.array(z.number().nullable()).optional(), distance: z.number().nullable() })),
});
type CalibrationPartial = z.output<typeof partialSchema>;

const settingsOf = (o: CalibrationOptions): AbcSettings => ({ particles: o.particles, generations: o.generations, seed: o.seed, quantile: o.quantile });

/**
 * The fit so far in `dir`: its finished generations (posterior.json, of this fit only) and the
 * generation under way (calibration-pending.json), which must be the one after the last finished.
 */
function fitIn(dir: string, fit: PlannedFit): { state: AbcState | undefined; pending: PendingGeneration | undefined } {
  const state = earlierFit(dir, fit), pendingPath = join(dir, PENDING_FILE);
  if (!existsSync(pendingPath)) return { state, pending: undefined };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(pendingPath, "utf8"));
  } catch {
    data = undefined;
  }
  const parsed = pendingSchema.safeParse(data);
  const expected = state?.generations.length ?? 0;
  if (!parsed.success || parsed.data.fit !== fit.key || parsed.data.generation !== expected) {
    throw new UserError(`${pendingPath} is damaged, from another fit, or not for generation ${expected} (the next after posterior.json's): remove it to restart that generation`);
  }
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
  const fit = plannedFit(scenario, file, options), key = fit.key, settings = settingsOf(options);
  const { state, pending } = fitIn(options.out, fit);
  if ((state?.generations.length ?? 0) >= options.generations || state?.stopped !== undefined) throw new UserError(`${join(options.out, "posterior.json")} already holds the fit (${state!.generations.length} generations${state!.stopped === undefined ? "" : ", stopped"})`);
  const step = generationStep(scenario.priors.map((p) => p.distribution), settings, state);
  const from = pending?.next ?? 0, to = roundEnd(settings, step.generation, from, options.particles);
  const [a, b] = slice(from, to, shard.index, shard.count);
  const proposals = roundProposals(step, a, b);
  const name = `calibration-g${step.generation}-${from}-${shard.index}-of-${shard.count}.json`;
  // Checked and locked before simulating; several shards write their own files into one directory at once.
  const target = claimOutputFile(join(options.out, name), "--out");
  const executor = executorFor(options.workers, Math.max(2, proposals.length), io);
  let summaries: readonly (readonly number[])[];
  try {
    summaries = await hubsimProblem(scenario, scenario.priors, fit.used, executor, options.seed, options.replicationsPerSet ?? 1).simulate(proposals);
  } catch (error) {
    target.release();
    throw error;
  } finally {
    await executor.close();
  }
  const fitSettings = { until: options.until, particles: options.particles, generations: options.generations, quantile: options.quantile, seed: options.seed, ...((options.replicationsPerSet ?? 1) === 1 ? {} : { replicationsPerSet: options.replicationsPerSet }), ...(options.observations === undefined ? {} : { observations: resolve(options.observations) }) };
  const body = { kind: CALIBRATION_PARTIAL, fit: key, scenarioPath: resolve(file), settings: fitSettings, generation: step.generation, from, to, shard: shard.index, of: shard.count, proposals: proposals.map((p) => ({ index: p.index, theta: [...p.theta] })), summaries: summaries.map((s) => s.map((v) => (Number.isFinite(v) ? v : null))) };
  try {
    target.write(JSON.stringify({ ...body, sha256: canonicalHash(body) }) + "\n");
  } finally {
    target.release();
  }
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
export function mergeCalibration(files: readonly string[], data: readonly unknown[], outDir: OutputDir, load: (file: string) => Scenario, workers: number, io: Io): PosteriorFile | undefined {
  const out = outDir.path;
  const parts: CalibrationPartial[] = data.map((d, i) => {
    const parsed = partialSchema.safeParse(d);
    if (!parsed.success) throw new UserError(`${files[i]}: not a calibration partial file (${issuesText(inputIssues(parsed.error.issues), { limit: 1 })})`);
    const { sha256, ...body } = parsed.data;
    if (canonicalHash(body) !== sha256) throw new UserError(`${files[i]}: its content does not match its checksum (damaged or edited)`);
    return parsed.data;
  });
  const first = parts[0]!, scenarioFile = first.scenarioPath, scenario = load(scenarioFile);
  const options: CalibrationOptions & { out: string } = { ...first.settings, workers, out };
  const fit = plannedFit(scenario, scenarioFile, options), key = fit.key, settings = settingsOf(options);
  parts.forEach((p, i) => {
    if (p.fit !== key) throw new UserError(`${files[i]}: from another fit (scenario, priors, observations or settings differ)`);
  });
  const { state, pending } = fitIn(options.out, fit);
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
  const used = fit.used;
  const problem = { priors: scenario.priors.map((p) => p.distribution), observed: used.map((o) => o.value), groups: used.map(observationGroup) };
  const folded = foldRound(problem, settings, state, pending, step, to, expected, summaries);
  const files2: Record<string, string> = {};
  let result: PosteriorFile | undefined;
  if (folded.state !== undefined && folded.state !== state) {
    result = fit.content(folded.state);
    files2["posterior.json"] = JSON.stringify(result, null, 2) + "\n";
  }
  if (folded.pending !== undefined) {
    const p = folded.pending;
    files2[PENDING_FILE] = JSON.stringify({ fit: key, generation: p.generation, next: p.next, simulated: p.simulated, kept: p.kept.map((k) => ({ index: k.index, theta: k.theta, ...(k.summary === undefined ? {} : { summary: k.summary.map((v) => (Number.isFinite(v) ? v : null)) }), distance: Number.isFinite(k.distance) ? k.distance : null })) }) + "\n";
  }
  // One swap: the new posterior and pending state together (a finished generation drops the pending file).
  outDir.write(files2, folded.pending === undefined ? [PENDING_FILE] : []);
  files.forEach((f) => rmSync(f, { force: true }));
  const done = folded.state?.generations.length ?? 0;
  io.err(folded.pending === undefined
    ? `generation ${step.generation} finished: ${join(options.out, "posterior.json")} holds ${done} of ${options.generations} generations${folded.state?.stopped === undefined ? "" : ` (stopped: ${folded.state.stopped})`}`
    : `generation ${step.generation}: ${folded.pending.kept.length} of ${options.particles} ${step.generation === 0 ? "simulated" : "accepted"} after proposals 0–${folded.pending.next - 1}; run the next round of shards`);
  return result;
}
