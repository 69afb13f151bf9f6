import type { SweepResult, SweepRow } from "../experiment/index.js";
import type { ReplicationResult, Scenario } from "../model/index.js";
import { z } from "zod";
import { UserError } from "./user-error.js";

/** A shard of a run: the raw results of a slice of the replications, enough to rebuild the whole. */
export interface RunPartial {
  readonly kind: "hubsim-run-partial";
  readonly scenarioFile: string;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly replications: number;
  readonly results: readonly EncodedResult[];
}

/** A shard of a sweep: the evaluated rows of a slice of the points. */
export interface SweepPartial {
  readonly kind: "hubsim-sweep-partial";
  readonly result: Omit<SweepResult, "frontier">;
  readonly points: number;
}

interface EncodedResult {
  readonly replication: number;
  readonly weekly: string;
  readonly scalars: string;
  readonly plus: string;
  readonly transitions: string;
  readonly conservationChecks: number;
  readonly events: number;
  readonly reviews: number;
  readonly kernelEvents: number;
}

const b64 = (a: ArrayBufferView): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
const floats = (s: string): Float64Array => {
  const bytes = Buffer.from(s, "base64");
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};

/** A replication result as JSON-safe text (typed arrays exactly, as base64). */
export function encodeResult(r: ReplicationResult): EncodedResult {
  return {
    replication: r.replication, weekly: b64(r.weekly), scalars: b64(r.scalars), plus: b64(r.plus), transitions: b64(r.transitions),
    conservationChecks: r.conservationChecks, events: r.events, reviews: r.reviews, kernelEvents: r.kernelEvents,
  };
}

/** The inverse of `encodeResult`. */
export function decodeResult(e: EncodedResult): ReplicationResult {
  return {
    replication: e.replication, weekly: floats(e.weekly), scalars: floats(e.scalars), plus: floats(e.plus), transitions: floats(e.transitions),
    conservationChecks: e.conservationChecks, events: e.events, reviews: e.reviews, kernelEvents: e.kernelEvents,
  };
}

/** Parses `--shard i/n`, 0-based like a Kubernetes completion index: 0/4 … 3/4. */
export function parseShard(text: string): { readonly index: number; readonly count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]), count = Number(m?.[2]);
  if (m === null || count < 1 || index >= count) throw new UserError(`--shard ${text}: expected i/n with 0 ≤ i < n, e.g. 2/8`);
  return { index, count };
}

/** Sorts sweep rows by point index (merge helper). */
export const byPoint = (a: SweepRow, b: SweepRow): number => a.point.index - b.point.index;

const encodedResultSchema = z.object({
  replication: z.number().int().nonnegative(), weekly: z.string(), scalars: z.string(), plus: z.string(), transitions: z.string(),
  conservationChecks: z.number(), events: z.number(), reviews: z.number(), kernelEvents: z.number(),
});

const partialSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("hubsim-run-partial"), scenarioFile: z.string(), scenario: z.looseObject({ name: z.string() }),
    seed: z.number().int(), replications: z.number().int().positive(), results: z.array(encodedResultSchema),
  }),
  z.object({
    kind: z.literal("hubsim-sweep-partial"), points: z.number().int().positive(),
    result: z.looseObject({ base: z.string(), replications: z.number().int(), seed: z.number().int(), objectives: z.array(z.string()), constraints: z.array(z.string()), confidence: z.number(),
      rows: z.array(z.looseObject({ point: z.looseObject({ index: z.number().int() }), objectives: z.array(z.number().nullable()), constraints: z.array(z.looseObject({ p: z.number() })), feasible: z.boolean() })) }),
  }),
]);

/** Checks that parsed JSON is a partial file, naming the file and the problem if not. */
export function parsePartial(file: string, data: unknown): RunPartial | SweepPartial {
  const r = partialSchema.safeParse(data);
  if (!r.success) throw new UserError(`${file} is not a hubsim partial file: ${r.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`).join("; ")}`);
  // The schema checks the envelope; scenarios and rows were written by hubsim itself.
  return r.data as unknown as RunPartial | SweepPartial;
}
