import { createHash } from "node:crypto";
import { readBoundedText } from "./bounded-read.js";
import { MAX_JSON_BYTES } from "./scenario-loader.js";
import { z } from "zod";
import type { AbcState, FittedObservation, ParameterSummary, PosteriorDraws } from "../experiment/index.js";
import { inputIssues, issuesText, priorSchema, type Prior } from "../model/index.js";
import { UserError } from "./user-error.js";

/** A posterior's draws as runs record them (run.json, shard partials): the fields and the weighted parameter sets. */
export const posteriorDrawsSchema = z.strictObject({
  name: z.string(), paths: z.array(z.string()).min(1),
  particles: z.array(z.strictObject({ theta: z.array(z.number()), weight: z.number().min(0) })).min(1),
});

/** The format tag every posterior file carries. */
export const POSTERIOR_FORMAT = "hubsim-posterior/1";

/** The most replications a fit may average per parameter set. */
export const MAX_REPLICATIONS_PER_SET = 100;

/** SHA-256 of a value's JSON with object keys sorted, so key order never changes the hash. */
export function canonicalHash(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical)
      : typeof v === "object" && v !== null ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
        : v;
  return createHash("sha256").update(JSON.stringify(canonical(value))).digest("hex");
}

const particleSchema = z.strictObject({ theta: z.array(z.number().finite()).min(1), weight: z.number().finite().min(0), distance: z.number().nonnegative().nullable() });
const generationSchema = z.strictObject({
  index: z.number().int().min(0), tolerance: z.number().nonnegative().nullable(), proposals: z.number().int().min(1), simulated: z.number().int().min(1),
  acceptanceRate: z.number().min(0).max(1), ess: z.number().positive(), particles: z.array(particleSchema).min(1),
});

/** posterior.json as written by `hubsim calibrate` (JSON has no Infinity: generation 0's tolerance is null). */
export const posteriorFileSchema = z.strictObject({
  format: z.literal(POSTERIOR_FORMAT),
  scenario: z.strictObject({ name: z.string(), file: z.string(), sha256: z.string() }),
  priors: z.array(priorSchema).min(1),
  priorsSha256: z.string(),
  observations: z.strictObject({ file: z.string(), sha256: z.string(), until: z.string(), used: z.number().int().min(1) }),
  settings: z.strictObject({
    particles: z.number().int().min(1), generations: z.number().int().min(1), seed: z.number().int().min(0), quantile: z.number().gt(0).lt(1),
    /** Replications averaged per parameter set; absent means 1. */
    replicationsPerSet: z.number().int().min(2).max(MAX_REPLICATIONS_PER_SET).optional(),
  }),
  scales: z.array(z.number().positive()),
  stopped: z.string().optional(),
  parameters: z.array(z.strictObject({ path: z.string(), label: z.string(), mean: z.number(), sd: z.number(), p5: z.number(), p50: z.number(), p95: z.number() })),
  generations: z.array(generationSchema).min(1),
});
export type PosteriorFile = z.output<typeof posteriorFileSchema>;

/** The file's content for a fit so far. */
export function posteriorFile(args: {
  scenario: { name: string; file: string; sha256: string }; priors: readonly Prior[]; observationsFile: string; observationsSha256: string;
  until: string; used: readonly FittedObservation[]; settings: PosteriorFile["settings"]; state: AbcState; parameters: readonly ParameterSummary[];
}): PosteriorFile {
  return {
    format: POSTERIOR_FORMAT, scenario: args.scenario, priors: [...args.priors], priorsSha256: canonicalHash(args.priors),
    observations: { file: args.observationsFile, sha256: args.observationsSha256, until: args.until, used: args.used.length },
    settings: args.settings, scales: [...args.state.scales], ...(args.state.stopped === undefined ? {} : { stopped: args.state.stopped }),
    parameters: args.priors.map((p, i) => ({ path: p.path, label: p.label ?? p.path, ...args.parameters[i]! })),
    generations: args.state.generations.map((g) => ({
      index: g.index, tolerance: Number.isFinite(g.tolerance) ? g.tolerance : null, proposals: g.proposals, simulated: g.simulated, acceptanceRate: g.acceptanceRate, ess: g.ess,
      particles: g.particles.map((p) => ({ theta: [...p.theta], weight: p.weight, distance: Number.isFinite(p.distance) ? p.distance : null })),
    })),
  };
}

/** The fit a posterior file holds, to resume from. */
export function stateOf(file: PosteriorFile): AbcState {
  return {
    scales: file.scales,
    ...(file.stopped === undefined ? {} : { stopped: file.stopped }),
    generations: file.generations.map((g) => ({ ...g, tolerance: g.tolerance ?? Infinity, particles: g.particles.map((p) => ({ ...p, distance: p.distance ?? Infinity })) })),
  };
}

/** What makes two posterior files the same fit (bar how many generations they hold): scenario, priors, observations used, and settings. */
export function fitKey(f: PosteriorFile): string {
  return canonicalHash({ scenario: f.scenario.sha256, priors: f.priorsSha256, observations: f.observations, quantile: f.settings.quantile, particles: f.settings.particles, seed: f.settings.seed, ...(f.settings.replicationsPerSet === undefined ? {} : { replicationsPerSet: f.settings.replicationsPerSet }) });
}

/** Reads and checks a posterior file; a problem is a UserError naming the file. */
export function readPosteriorFile(path: string): PosteriorFile {
  const text = readBoundedText(path, MAX_JSON_BYTES, `--posterior ${path}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UserError(`--posterior ${path}: not a JSON file`);
  }
  const parsed = posteriorFileSchema.safeParse(data);
  if (!parsed.success) throw new UserError(`--posterior ${path}: not a hubsim posterior (${issuesText(inputIssues(parsed.error.issues), { limit: 3 })})`);
  const file = parsed.data;
  if (canonicalHash(file.priors) !== file.priorsSha256) throw new UserError(`--posterior ${path}: its priors do not match their sha256 (was the file edited?)`);
  const width = file.priors.length;
  if (file.generations.some((g) => g.particles.some((p) => p.theta.length !== width))) throw new UserError(`--posterior ${path}: a particle has the wrong number of values (expected ${width})`);
  return file;
}

/** The last generation of a posterior file as draws for runs. */
export function posteriorDraws(file: PosteriorFile, name: string): PosteriorDraws {
  const last = file.generations[file.generations.length - 1]!;
  return { name, paths: file.priors.map((p) => p.path), particles: last.particles.map((p) => ({ theta: p.theta, weight: p.weight })) };
}
