import { streamFor } from "../../kernel/index.js";
import { daysBetween, resultShape, weeklyOffset, WEEKLY_METRICS, type Prior, type Scenario } from "../../model/index.js";
import type { ReplicationExecutor } from "../executor.js";
import type { Observation } from "../observations.js";
import { valueAt } from "../scenario-path.js";
import type { AbcProblem, Proposal } from "./abc-smc.js";
import { NATIONAL_AREA } from "./observations-csv.js";
import { priorSupport, samplePrior } from "./prior-distribution.js";
import { scenarioWith } from "./posterior.js";

/** An observation a fit uses, with where to read it in a replication's weekly output. */
export interface FittedObservation extends Observation {
  /** Reporting week, 0-based. */
  readonly week: number;
  /** Area index, or the number of areas for England. */
  readonly row: number;
}

/**
 * The observations a fit to `until` uses: those dated on or before it and inside the scenario's
 * horizon, located in its weekly output. Throws a RangeError when `until` is outside the
 * scenario's span or leaves nothing to fit.
 */
export function fittedObservations(scenario: Scenario, observations: readonly Observation[], until: string): FittedObservation[] {
  const end = daysBetween(scenario.startDate, until);
  if (end < 0 || end >= scenario.horizonWeeks * 7) throw new RangeError(`--until ${until} is outside ${scenario.name}'s span (${scenario.startDate} for ${scenario.horizonWeeks} weeks)`);
  const shape = resultShape(scenario);
  const used = observations.flatMap((o): FittedObservation[] => {
    const day = daysBetween(scenario.startDate, o.date);
    if (day < 0 || day > end) return [];
    const row = o.area === undefined ? shape.areas.length : shape.areas.indexOf(o.area);
    return row < 0 ? [] : [{ ...o, week: Math.floor(day / 7), row }];
  });
  if (used.length === 0) throw new RangeError(`no observation falls between ${scenario.startDate} and --until ${until}`);
  return used;
}

/** The measure group an observation counts in: each measure, nationally and across areas, weighs the same in the distance. */
export function observationGroup(o: Observation): string {
  return `${o.metric}@${o.area === undefined ? NATIONAL_AREA : "areas"}`;
}

/**
 * Problems with a scenario's priors: a path that is not a numeric field, or a prior reaching
 * values the scenario's schema refuses (checked at the ends of its support, or the extremes of
 * 1,000 draws where it has none, and at one typical draw).
 */
export function priorProblems(scenario: Scenario, priors: readonly Prior[]): string[] {
  return priors.flatMap((p, i) => {
    const where = `priors[${i}] (${p.path})`;
    let current: unknown;
    try {
      current = valueAt(scenario, p.path);
    } catch (error) {
      return [`${where}: ${(error as Error).message}`];
    }
    if (typeof current !== "number") return [`${where}: not a numeric field of the scenario${current === undefined ? " (no such field)" : ""}`];
    const rng = streamFor(0, i, "prior-check");
    const draws = Array.from({ length: 1000 }, () => samplePrior(p.distribution, rng));
    const [lo, hi] = priorSupport(p.distribution);
    // The ends of the support, and a typical draw (a whole-number field refuses most values in between).
    const probes = [Number.isFinite(lo) ? lo : Math.min(...draws), Number.isFinite(hi) ? hi : Math.max(...draws), draws[0]!];
    for (const v of probes) {
      try {
        scenarioWith(scenario, [p.path], [v]);
      } catch (error) {
        return [`${where}: the prior reaches ${v.toPrecision(4)}, which the scenario refuses (${(error as Error).message})`];
      }
    }
    return [];
  });
}

/**
 * hubsim as an ABC problem: each proposal sets the priors' fields, runs `replicationsPerSet`
 * replications (seeded by the proposal's generation and index) up to the last observation's week,
 * and reads the observed measures from their weekly output, averaged over the replications. A
 * parameter set the schema refuses is infinitely far.
 */
export function hubsimProblem(scenario: Scenario, priors: readonly Prior[], observed: readonly FittedObservation[], executor: ReplicationExecutor, seed: number, replicationsPerSet = 1): AbcProblem {
  const lastWeek = Math.max(...observed.map((o) => o.week));
  const base: Scenario = { ...scenario, horizonWeeks: lastWeek + 1 };
  const shape = resultShape(base), paths = priors.map((p) => p.path);
  const metrics = observed.map((o) => WEEKLY_METRICS.indexOf(o.metric));
  const simulateOne = async (p: Proposal): Promise<number[]> => {
    let s: Scenario;
    try {
      s = scenarioWith(base, paths, p.theta);
    } catch {
      return observed.map(() => NaN);
    }
    // Averaging a few replications damps the noise (an area's hub open or not) that otherwise floors the tolerance.
    const first = p.generation * 1_000_000_000 + p.index * replicationsPerSet;
    const runs = await Promise.all(Array.from({ length: replicationsPerSet }, (_, j) => executor.run({ scenario: s, seed, replication: first + j })));
    const summary = observed.map((o, i) => {
      const at = weeklyOffset(shape, o.week, o.row, metrics[i]!);
      return runs.reduce((sum, r) => sum + r.weekly[at]!, 0) / replicationsPerSet;
    });
    for (const r of runs) executor.recycle(r);
    return summary;
  };
  return {
    priors: priors.map((p) => p.distribution),
    observed: observed.map((o) => o.value),
    groups: observed.map(observationGroup),
    simulate: (batch) => Promise.all(batch.map(simulateOne)),
  };
}
