import { mean } from "d3-array";
import { parseScenario, SCALAR_METRICS, type ScalarMetric, type Scenario } from "../model/index.js";
import { nationalValues } from "./compare.js";
import type { ReplicationExecutor } from "./executor.js";
import { forecast } from "./forecast.js";
import { paretoFront } from "./pareto.js";
import type { PrecisionRule } from "./precision.js";
import type { RunPlan } from "./run-replications.js";
import { withPath } from "./scenario-path.js";
import type { Dimension, SweepPoint } from "./sweep-plan.js";

/** One evaluated point: its values and every national measure's mean across replications. */
export interface SweepRow {
  readonly point: SweepPoint;
  /** Replications run at this point (more than planned under a precision rule). */
  readonly replications: number;
  readonly means: Readonly<Record<ScalarMetric, number>>;
}

/** A finished sweep: every row, the objectives, and the indices of the Pareto frontier. */
export interface SweepResult {
  readonly base: string;
  readonly replications: number;
  readonly seed: number;
  readonly objectives: readonly ScalarMetric[];
  readonly rows: readonly SweepRow[];
  readonly frontier: readonly number[];
}

/** What a sweep yields while it runs. */
export type SweepEvent = { readonly kind: "progress"; readonly done: number; readonly total: number } | { readonly kind: "done"; readonly result: SweepResult };

/** The scenario at one point: base data with the point's values set, parsed; throws naming the field if invalid. */
export function scenarioAt(base: unknown, point: SweepPoint): Scenario {
  const data = Object.entries(point.values).reduce<unknown>((d, [path, v]) => withPath(d, path, v), base);
  const parsed = parseScenario(data);
  if (parsed.ok) return parsed.scenario;
  throw new RangeError(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
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
 * Runs every point on common random numbers (the same seed and replication indices) and finds the
 * Pareto frontier over the objectives, all minimised; an undefined hub wait (nobody held)
 * counts as zero.
 */
export async function* sweep(base: unknown, points: readonly SweepPoint[], plan: RunPlan, executor: ReplicationExecutor, objectives: readonly ScalarMetric[], precision?: PrecisionRule): AsyncGenerator<SweepEvent> {
  const rows: SweepRow[] = [];
  for (const point of points) {
    for await (const event of forecast(scenarioAt(base, point), plan, executor, precision)) {
      if (event.kind !== "done") continue;
      const means = Object.fromEntries(SCALAR_METRICS.map((m) => [m, mean(nationalValues(event.forecast, m).filter((v) => !Number.isNaN(v))) ?? NaN]));
      rows.push({ point, replications: event.forecast.plan.replications, means: means as Record<ScalarMetric, number> });
    }
    yield { kind: "progress", done: rows.length, total: points.length };
  }
  const frontier = paretoFront(rows.map((r) => objectives.map((o) => (Number.isNaN(r.means[o]) ? 0 : r.means[o]))));
  const name = (base as { name?: unknown }).name;
  yield { kind: "done", result: { base: typeof name === "string" ? name : "", replications: plan.replications, seed: plan.seed, objectives, rows, frontier } };
}
