import type { Dimension, PosteriorDraws, RunPlan, SweepResult, SweepRow } from "../experiment/index.js";
import { inputIssues, issuesText, type ReplicationResult, type Scenario } from "../model/index.js";
import { z } from "zod";
import { canonicalJson, sha256Of } from "./canonical-json.js";
import { posteriorDrawsSchema } from "./posterior-file.js";
import { UserError } from "./user-error.js";

/** Which shard of how many a partial holds. */
export interface Shard { readonly index: number; readonly count: number }

/** A shard of a run: the raw results of a slice of the replications, enough to rebuild the whole. */
export interface RunPartial {
  readonly kind: "hubsim-run-partial";
  readonly format: 2;
  readonly scenarioFile: string;
  /** SHA-256 of the scenario's canonical JSON. */
  readonly scenarioHash: string;
  readonly scenario: Scenario;
  /** Everything the shards of one run share; merge refuses a partial whose plan differs. */
  readonly plan: { readonly seed: number; readonly replications: number; readonly weeks: number; readonly shards: number; readonly posterior?: PosteriorDraws };
  readonly shard: Shard;
  readonly results: readonly EncodedResult[];
  /** SHA-256 of the canonical JSON of everything above: a changed or cut byte is caught. */
  readonly checksum: string;
}

/** What a sweep's shards share. */
export interface SweepPlanRecord {
  readonly seed: number; readonly replications: number; readonly weeks: number | null; readonly shards: number; readonly points: number;
  readonly vary: readonly Dimension[]; readonly samples: number | null; readonly objectives: string; readonly constraints: readonly string[];
  readonly confidence: number; readonly precision: unknown;
  /** The posterior file's name when the points drew their inputs from one. */
  readonly posterior: string | null;
}

/** A shard of a sweep: the evaluated rows of a slice of the points. */
export interface SweepPartial {
  readonly kind: "hubsim-sweep-partial";
  readonly format: 2;
  readonly scenarioFile: string;
  /** SHA-256 of the canonical JSON of the base scenario data (after --set). */
  readonly scenarioHash: string;
  readonly plan: SweepPlanRecord;
  readonly shard: Shard;
  readonly result: Omit<SweepResult, "frontier">;
  readonly checksum: string;
}

interface EncodedResult {
  readonly replication: number;
  readonly weekly: string;
  readonly scalars: string;
  readonly plus: string;
  /** Absent in partials written before interventions were data. */
  readonly interventions?: string;
  readonly transitions: string;
  readonly conservationChecks: number;
  readonly events: number;
  readonly reviews: number;
  readonly kernelEvents: number;
}

const ARRAYS = ["weekly", "scalars", "plus", "transitions"] as const;

const b64 = (a: ArrayBufferView): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
const floats = (s: string): Float64Array => {
  const bytes = Buffer.from(s, "base64");
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};

/** A replication result as JSON-safe text (typed arrays exactly, as base64). */
export function encodeResult(r: ReplicationResult): EncodedResult {
  return {
    replication: r.replication, weekly: b64(r.weekly), scalars: b64(r.scalars), plus: b64(r.plus), interventions: b64(r.interventions), transitions: b64(r.transitions),
    conservationChecks: r.conservationChecks, events: r.events, reviews: r.reviews, kernelEvents: r.kernelEvents,
  };
}

/** The inverse of `encodeResult`. */
export function decodeResult(e: EncodedResult): ReplicationResult {
  return {
    replication: e.replication, weekly: floats(e.weekly), scalars: floats(e.scalars), plus: floats(e.plus), interventions: floats(e.interventions ?? ""), transitions: floats(e.transitions),
    conservationChecks: e.conservationChecks, events: e.events, reviews: e.reviews, kernelEvents: e.kernelEvents,
  };
}

const sealed = <T extends object>(body: T): T & { checksum: string } => ({ ...body, checksum: sha256Of(body) });

/** A run shard's partial file, sealed with its checksum. */
export function runPartial(scenarioFile: string, scenario: Scenario, plan: RunPlan, shard: Shard, results: readonly EncodedResult[]): RunPartial {
  return sealed({
    kind: "hubsim-run-partial", format: 2, scenarioFile, scenarioHash: sha256Of(scenario), scenario,
    plan: { seed: plan.seed, replications: plan.replications, weeks: scenario.horizonWeeks, shards: shard.count, ...(plan.posterior === undefined ? {} : { posterior: plan.posterior }) }, shard, results,
  } as const);
}

/** A sweep shard's partial file, sealed with its checksum. */
export function sweepPartial(scenarioFile: string, base: unknown, plan: SweepPlanRecord, shard: Shard, result: Omit<SweepResult, "frontier">): SweepPartial {
  return sealed({ kind: "hubsim-sweep-partial", format: 2, scenarioFile, scenarioHash: sha256Of(base), plan, shard, result } as const);
}

/** Parses `--shard i/n`, 0-based like a Kubernetes completion index: 0/4 … 3/4. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]), count = Number(m?.[2]);
  if (m === null || count < 1 || index >= count || count > 10_000) throw new UserError(`--shard ${text}: expected i/n with 0 ≤ i < n ≤ 10,000, e.g. 2/8`);
  return { index, count };
}

/** Sorts sweep rows by point index (merge helper). */
export const byPoint = (a: SweepRow, b: SweepRow): number => a.point.index - b.point.index;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const base64 = z.string().superRefine((s, ctx) => {
  if (!BASE64.test(s)) ctx.addIssue({ code: "custom", message: "is not base64" });
  else if (Buffer.byteLength(s, "base64") % 8 !== 0) ctx.addIssue({ code: "custom", message: "does not hold whole 8-byte numbers" });
});
const count = z.number().int().nonnegative();
const encodedResultSchema = z.object({
  replication: count, weekly: base64, scalars: base64, plus: base64, interventions: base64.optional(), transitions: base64,
  conservationChecks: count, events: count, reviews: count, kernelEvents: count,
});
const shardSchema = z.object({ index: count, count: z.number().int().positive() }).refine((s) => s.index < s.count, "index must be below count");
const envelope = { format: z.literal(2), scenarioFile: z.string(), scenarioHash: z.string().regex(/^[0-9a-f]{64}$/), shard: shardSchema, checksum: z.string().regex(/^[0-9a-f]{64}$/) };

const partialSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("hubsim-run-partial"), ...envelope, scenario: z.looseObject({ name: z.string() }),
    plan: z.object({
      seed: count, replications: z.number().int().positive(), weeks: z.number().int().positive(), shards: z.number().int().positive(),
      // The draws every replication chose its uncertain inputs from, when the run used a posterior.
      posterior: posteriorDrawsSchema.optional(),
    }),
    results: z.array(encodedResultSchema),
  }),
  z.object({
    kind: z.literal("hubsim-sweep-partial"), ...envelope,
    plan: z.looseObject({ seed: count, replications: z.number().int().positive(), points: z.number().int().positive(), shards: z.number().int().positive(), vary: z.array(z.object({ path: z.string(), values: z.array(z.number()) })) }),
    result: z.looseObject({ base: z.string(), replications: z.number().int(), seed: z.number().int(), objectives: z.array(z.string()), constraints: z.array(z.string()), confidence: z.number(),
      rows: z.array(z.looseObject({ point: z.looseObject({ index: count }), objectives: z.array(z.number().nullable()), constraints: z.array(z.looseObject({ p: z.number() })), feasible: z.boolean() })) }),
  }),
]);

/**
 * Checks that parsed JSON is an undamaged partial file, naming the file and the problem if not:
 * the envelope by schema, then the checksum over everything else, then the scenario against its hash.
 */
export function parsePartial(file: string, data: unknown): RunPartial | SweepPartial {
  const kind = (data as { kind?: unknown } | null)?.kind;
  if ((kind === "hubsim-run-partial" || kind === "hubsim-sweep-partial") && (data as { format?: unknown }).format === undefined) {
    throw new UserError(`${file} is a partial from an older hubsim without a checksum; run its shard again`);
  }
  const r = partialSchema.safeParse(data);
  if (!r.success) throw new UserError(`${file} is not a hubsim partial file: ${issuesText(inputIssues(r.error.issues), { limit: 3 })}`);
  const { checksum, ...body } = data as Record<string, unknown>;
  if (sha256Of(body) !== checksum) throw new UserError(`${file} is damaged: its contents do not match its checksum (edited, cut short or corrupted); run its shard again`);
  const partial = data as RunPartial | SweepPartial; // validated above; the raw data keeps the scenario exactly as written
  if (partial.kind === "hubsim-run-partial" && sha256Of(partial.scenario) !== partial.scenarioHash) throw new UserError(`${file} is damaged: its scenario does not match its hash`);
  if (partial.plan.shards !== partial.shard.count) throw new UserError(`${file} is damaged: shard ${partial.shard.index}/${partial.shard.count} of a plan of ${partial.plan.shards} shards`);
  if (partial.kind === "hubsim-run-partial") checkSizes(file, partial);
  return partial;
}

/** Every replication of a run has arrays of the same sizes. */
function checkSizes(file: string, p: RunPartial): void {
  // weekly, scalars and plus have the run's shape; transitions vary with what happened.
  const sizes = (e: EncodedResult): string => ARRAYS.filter((a) => a !== "transitions").map((a) => Buffer.byteLength(e[a], "base64")).join(",");
  const first = p.results[0];
  if (first !== undefined && p.results.some((e) => sizes(e) !== sizes(first))) throw new UserError(`${file} is damaged: its replications hold arrays of different sizes`);
}

/** What must be equal across the shards of one run or sweep (as text, for comparison). */
export const sharedPart = (p: RunPartial | SweepPartial): string => canonicalJson([p.kind, p.scenarioHash, p.plan]);

/** The first difference between two partials' plans, in words. */
export function planDifference(a: RunPartial | SweepPartial, b: RunPartial | SweepPartial): string {
  if (a.kind !== b.kind) return "one is from `run --shard`, the other from `sweep --shard`";
  if (a.scenarioHash !== b.scenarioHash) return "the scenario differs";
  const pa = a.plan as unknown as Record<string, unknown>, pb = b.plan as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(pa), ...Object.keys(pb)])].filter((k) => canonicalJson(pa[k]) !== canonicalJson(pb[k]));
  return keys.map((k) => `${k} ${canonicalJson(pb[k])} against ${canonicalJson(pa[k])}`).join(", ");
}
