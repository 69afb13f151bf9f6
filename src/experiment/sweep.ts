import { mean } from "d3-array";
import { issuesText, parseScenario, resultShape, SCALAR_METRICS, type ReplicationResult, type ScalarMetric, type Scenario } from "../model/index.js";
import { nationalValues } from "./national-values.js";
import type { ReplicationExecutor } from "./executor.js";
import type { BandContent } from "./forecast.js";
import { forecast } from "./run-forecast.js";
import { paretoFront } from "./pareto.js";
import type { PrecisionRule } from "./precision.js";
import type { RunPlan } from "./run-replications.js";
import { withPath } from "./scenario-path.js";
import type { Dimension, SweepPoint } from "./sweep-plan.js";
import { measureValue, parseMeasure } from "./measure.js";
import { meets, parseTarget, targetValue, type Target } from "./target.js";
import { wilsonInterval } from "./statistics/index.js";

/** How one point fared against one constraint: the share of replications meeting it (Wilson 95% interval) and the measure's mean. */
export interface ConstraintOutcome {
  readonly p: number;
  readonly lower: number;
  readonly upper: number;
  readonly measureMean: number;
  readonly met: boolean;
}

/** One evaluated point: its values, every national measure's mean, its objectives' values and how it met each constraint. */
export interface SweepRow {
  readonly point: SweepPoint;
  /** Replications run at this point (more than planned under a precision rule). */
  readonly replications: number;
  readonly means: Readonly<Record<ScalarMetric, number>>;
  /** Each objective's mean across replications (a weekly measure over several weeks: its mean over them), in order. */
  readonly objectives: readonly number[];
  readonly constraints: readonly ConstraintOutcome[];
  /** Whether it meets every constraint with at least the confidence. */
  readonly feasible: boolean;
}

/** A finished sweep: every row, the objectives and constraints (as measure addresses), and the frontier of the feasible points. */
export interface SweepResult {
  readonly base: string;
  readonly replications: number;
  readonly seed: number;
  readonly objectives: readonly string[];
  readonly constraints: readonly string[];
  /** The share of replications a point must meet each constraint in. */
  readonly confidence: number;
  readonly rows: readonly SweepRow[];
  /** Indices of the rows on the Pareto frontier, among the feasible ones. */
  readonly frontier: readonly number[];
  /** What the spread across a point's replications holds (absent: simulation noise only). */
  readonly bandContent?: BandContent;
}

/** What a sweep looks for: objectives to minimise (measure addresses) and constraints every chosen point must meet. */
export interface SweepGoals {
  readonly objectives: readonly string[];
  readonly constraints?: readonly string[];
  readonly confidence?: number;
}

/** What a sweep yields while it runs. */
export type SweepEvent = { readonly kind: "progress"; readonly done: number; readonly total: number } | { readonly kind: "done"; readonly result: SweepResult };

/** The scenario at one point: base data with the point's values set, parsed; throws naming the field if invalid. */
export function scenarioAt(base: unknown, point: SweepPoint): Scenario {
  const data = Object.entries(point.values).reduce<unknown>((d, [path, v]) => withPath(d, path, v), base);
  const parsed = parseScenario(data);
  if (parsed.ok) return parsed.scenario;
  throw new RangeError(issuesText(parsed.issues));
}

/** Problems with a dimension: each value set alone on the base, checked by the scenario schema. */
export function checkDimension(base: unknown, d: Dimension): string[] {
  return d.values.flatMap((v) => {
    try {
      scenarioAt(base, { index: 0, values: { [d.path]: v } });
      return [];
    } catch (error) {
      return [`${d.path}=${v}: ${(error as Error).message}`];
    }
  });
}

/**
 * Runs every point on common random numbers (the same seed and replication indices), scores each
 * objective and constraint replication by replication (a constraint holds at a point when at least
 * `confidence` of them meet it), and finds the Pareto frontier of the feasible points over the
 * objectives, all minimised. Measures are addressed as in measure.ts; a bare scalar name is national.
 */
export async function* sweep(base: unknown, points: readonly SweepPoint[], plan: RunPlan, executor: ReplicationExecutor, goals: SweepGoals, precision?: PrecisionRule): AsyncGenerator<SweepEvent> {
  const rows: SweepRow[] = [], confidence = goals.confidence ?? 0.9;
  for (const point of points) {
    const scenario = scenarioAt(base, point), frame = { shape: resultShape(scenario), startDate: scenario.startDate };
    const objectives = goals.objectives.map((o) => parseMeasure(o, frame)), constraints = (goals.constraints ?? []).map((c) => parseTarget(c, frame));
    const objectiveValues: number[][] = objectives.map(() => []), constraintValues: number[][] = constraints.map(() => []);
    const observe = (r: ReplicationResult): void => {
      objectives.forEach((o, i) => objectiveValues[i]!.push(measureValue(o, r, frame.shape, "mean")));
      constraints.forEach((c, i) => constraintValues[i]!.push(targetValue(c, r, frame)));
    };
    for await (const event of forecast(scenario, plan, executor, precision, observe)) {
      if (event.kind !== "done") continue;
      const means = Object.fromEntries(SCALAR_METRICS.map((m) => [m, mean(nationalValues(event.forecast, m).filter((v) => !Number.isNaN(v))) ?? NaN]));
      const outcomes = constraints.map((c, i) => constraintOutcome(c, constraintValues[i]!, confidence));
      rows.push({
        point, replications: event.forecast.plan.replications, means: means as Record<ScalarMetric, number>,
        objectives: objectiveValues.map((v) => mean(v) ?? NaN), constraints: outcomes, feasible: outcomes.every((o) => o.met),
      });
    }
    yield { kind: "progress", done: rows.length, total: points.length };
  }
  const name = (base as { name?: unknown }).name;
  const frame = rows.length > 0 ? { shape: resultShape(scenarioAt(base, points[0]!)), startDate: scenarioAt(base, points[0]!).startDate } : undefined;
  const label = (text: string, parse: (t: string) => { text: string }): string => (frame === undefined ? text : parse(text).text);
  yield {
    kind: "done",
    result: {
      base: typeof name === "string" ? name : "", replications: plan.replications, seed: plan.seed,
      objectives: goals.objectives.map((o) => label(o, (t) => parseMeasure(t, frame!))), constraints: (goals.constraints ?? []).map((c) => label(c, (t) => parseTarget(t, frame!))),
      confidence, rows, frontier: feasibleFront(rows), bandContent: plan.posterior === undefined ? "simulation-noise" : "simulation-and-parameter",
    },
  };
}

/** How the replications' values met one constraint. */
export function constraintOutcome(t: Target, values: readonly number[], confidence: number): ConstraintOutcome {
  const ci = wilsonInterval(values.filter((v) => meets(t, v)).length, values.length);
  return { p: ci.p, lower: ci.lower, upper: ci.upper, measureMean: mean(values) ?? NaN, met: ci.p >= confidence };
}

/** The Pareto frontier (indices into `rows`) of the feasible rows over their objectives, all minimised; an undefined value counts as zero. */
export function feasibleFront(rows: readonly SweepRow[]): number[] {
  const feasible = rows.flatMap((r, i) => (r.feasible ? [i] : []));
  return paretoFront(feasible.map((i) => rows[i]!.objectives.map((v) => (Number.isNaN(v) ? 0 : v)))).map((k) => feasible[k]!);
}
