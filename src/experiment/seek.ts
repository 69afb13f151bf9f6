import { mean } from "d3-array";
import { resultShape } from "../model/index.js";
import type { ReplicationExecutor } from "./executor.js";
import type { BandContent } from "./forecast.js";
import { runReplications, type RunPlan } from "./run-replications.js";
import { wilsonInterval } from "./statistics/index.js";
import { scenarioAt } from "./sweep.js";
import { meets, targetValue, type Target } from "./target.js";

/** What to search: one lever over [lo, hi] for the smallest (or largest) value meeting a target with a given probability. */
export interface SeekSpec {
  readonly path: string;
  readonly lo: number;
  readonly hi: number;
  /** Whole values only (posts, weeks). */
  readonly integer: boolean;
  readonly target: Target;
  /** The share of replications that must meet the target, in (0, 1). */
  readonly confidence: number;
  /** "minimise": the smallest value that meets it (the target gets easier as the lever rises); "maximise": the largest (easier as it falls). */
  readonly direction: "minimise" | "maximise";
  /** Continuous levers: stop when the bracket is this narrow (default (hi − lo) ÷ 128). */
  readonly tolerance?: number;
}

/** One lever value tried: how many replications met the target, the share with its Wilson 95% interval, and the measure's mean. */
export interface SeekPoint {
  readonly value: number;
  readonly successes: number;
  readonly n: number;
  readonly p: number;
  readonly lower: number;
  readonly upper: number;
  readonly measureMean: number;
  readonly meets: boolean;
}

/** A pair of visited values whose shares run against the direction searched; `beyondNoise` when their Wilson intervals do not overlap. */
export interface Reversal {
  readonly a: SeekPoint;
  readonly b: SeekPoint;
  readonly beyondNoise: boolean;
}

/** The answer of a search and how it was reached. */
export interface SeekResult {
  readonly spec: SeekSpec;
  readonly replications: number;
  readonly seed: number;
  /** "found": the answer lies inside the range; "always": the near end already meets the target; "never": not even the far end does. */
  readonly status: "found" | "always" | "never";
  readonly answer: number | null;
  /** The point at the answer, and the nearest visited value on the failing side ("the next value down" when minimising). */
  readonly atAnswer?: SeekPoint;
  readonly nextFailing?: SeekPoint;
  /** Every value tried, in lever order. */
  readonly visited: readonly SeekPoint[];
  readonly reversals: readonly Reversal[];
  readonly evaluations: number;
  /** What the shares' intervals hold: replications of fixed parameters, so simulation noise only. */
  readonly bandContent: BandContent;
}

/** What a search yields while it runs: each value tried, then the result. */
export type SeekEvent = { readonly kind: "point"; readonly point: SeekPoint; readonly done: number; readonly expected: number } | { readonly kind: "done"; readonly result: SeekResult };

/**
 * Bisection on a lever whose effect is monotone: every value tried runs the same replications (common
 * random numbers), and meets the target when at least `confidence` of them do. The ends are tried first;
 * then the bracket between the last failing and the first meeting value halves until it is one step
 * (integers) or the tolerance wide. Visited shares that run against the direction are reported as
 * reversals, not hidden. An integer range of 0–100 takes at most 9 evaluations.
 */
export async function* seek(base: unknown, spec: SeekSpec, plan: RunPlan, executor: ReplicationExecutor, signal?: AbortSignal): AsyncGenerator<SeekEvent> {
  checkSpec(spec);
  const visited = new Map<number, SeekPoint>(), expected = expectedEvaluations(spec);
  const evaluate = async (value: number): Promise<SeekPoint> => {
    const known = visited.get(value);
    if (known !== undefined) return known;
    const point = await evaluatePoint(base, spec, value, plan, executor, signal);
    visited.set(value, point);
    return point;
  };
  const minimise = spec.direction === "minimise", near = minimise ? spec.lo : spec.hi, far = minimise ? spec.hi : spec.lo;
  const step = spec.integer ? 1 : spec.tolerance ?? (spec.hi - spec.lo) / 128;
  const order: SeekPoint[] = [];
  const tried = async (value: number): Promise<SeekPoint> => {
    const fresh = !visited.has(value), point = await evaluate(value);
    if (fresh) order.push(point);
    return point;
  };
  let status: SeekResult["status"] = "found";
  let good = far, bad = near;
  const farPoint = await tried(far);
  yield { kind: "point", point: farPoint, done: order.length, expected };
  if (!farPoint.meets) status = "never";
  else {
    const nearPoint = await tried(near);
    yield { kind: "point", point: nearPoint, done: order.length, expected };
    if (nearPoint.meets) status = "always";
    while (status === "found" && Math.abs(good - bad) > step * (1 + 1e-9)) {
      const mid = spec.integer ? Math.floor((good + bad) / 2) : (good + bad) / 2;
      const point = await tried(mid);
      yield { kind: "point", point, done: order.length, expected };
      if (point.meets) good = mid;
      else bad = mid;
    }
  }
  const sorted = [...visited.values()].sort((a, b) => a.value - b.value);
  const answer = status === "never" ? null : status === "always" ? near : good;
  yield {
    kind: "done",
    result: {
      spec, replications: plan.replications, seed: plan.seed, status, answer,
      ...(answer === null ? {} : { atAnswer: visited.get(answer)! }),
      ...(status === "found" ? { nextFailing: visited.get(bad)! } : {}),
      visited: sorted, reversals: reversals(sorted, minimise), evaluations: order.length, bandContent: plan.posterior === undefined ? "simulation-noise" : "simulation-and-parameter",
    },
  };
}

async function evaluatePoint(base: unknown, spec: SeekSpec, value: number, plan: RunPlan, executor: ReplicationExecutor, signal?: AbortSignal): Promise<SeekPoint> {
  const scenario = scenarioAt(base, { index: 0, values: { [spec.path]: value } });
  const frame = { shape: resultShape(scenario), startDate: scenario.startDate };
  const values: number[] = [];
  for await (const r of runReplications(scenario, plan, executor, signal)) {
    values.push(targetValue(spec.target, r, frame));
    executor.recycle(r);
  }
  const successes = values.filter((v) => meets(spec.target, v)).length, ci = wilsonInterval(successes, values.length);
  return { value, successes, n: values.length, p: ci.p, lower: ci.lower, upper: ci.upper, measureMean: mean(values) ?? NaN, meets: ci.p >= spec.confidence };
}

/** Pairs of visited values whose shares run the wrong way: falling as the lever rises when minimising (rising when maximising). */
function reversals(sorted: readonly SeekPoint[], minimise: boolean): Reversal[] {
  const out: Reversal[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const [a, b] = [sorted[i]!, sorted[j]!];
      const wrong = minimise ? a.p > b.p : a.p < b.p;
      if (wrong) out.push({ a, b, beyondNoise: minimise ? a.lower > b.upper : b.lower > a.upper });
    }
  }
  return out;
}

/** How many values a search tries at most: both ends, then one per halving of the bracket. */
export function expectedEvaluations(spec: SeekSpec): number {
  const step = spec.integer ? 1 : spec.tolerance ?? (spec.hi - spec.lo) / 128;
  return 2 + Math.max(0, Math.ceil(Math.log2((spec.hi - spec.lo) / step)));
}

function checkSpec(spec: SeekSpec): void {
  if (!(spec.lo < spec.hi)) throw new RangeError(`--vary ${spec.path}: lo (${spec.lo}) must be below hi (${spec.hi})`);
  if (spec.integer && (!Number.isInteger(spec.lo) || !Number.isInteger(spec.hi))) throw new RangeError(`--vary ${spec.path}: with --integer, lo and hi must be whole numbers`);
  if (!(spec.confidence > 0 && spec.confidence < 1)) throw new RangeError(`--confidence must be between 0 and 1, exclusive (got ${spec.confidence})`);
  if (spec.tolerance !== undefined && !(spec.tolerance > 0)) throw new RangeError(`--tolerance must be above 0 (got ${spec.tolerance})`);
}
