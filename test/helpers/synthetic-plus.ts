import type { ArmFlows, ReplicationExecutor } from "../../src/experiment/index.js";
import {
  INTERVENTION_METRICS, interventionIndex, interventionOffset, interventionWeeks, plusIndex, plusLength, plusOffset, resultShape, SCALAR_METRICS, scalarOffset,
  type InterventionMetric, type PlusMetric, type ReplicationResult, type ScalarMetric, type Scenario,
} from "../../src/model/index.js";

/** Where the Plus pathway's metrics go among an intervention's (as plus-recorder.ts maps them). */
const AS_INTERVENTION: Record<PlusMetric, InterventionMetric> = {
  cohort_referrals: "eligible", plus_cases_started: "served", plus_fca_hours: "fca_hours", cohort_diverted: "diverted",
  cohort_proceedings: "proceedings", proceedings_case_weeks: "case_weeks", expert_reports: "expert_reports",
  guardian_hours: "guardian_hours", placement_weeks: "placement_weeks", plus_live: "live_areas",
};

/** An arm's flows built by hand (one intervention, Cafcass Plus, over the horizon): weekly series per metric, areas going live, national scalars. */
export function syntheticArm(weeks: number, series: Partial<Record<PlusMetric, readonly number[]>>, goLive: readonly number[] = [], scalars: Partial<Record<ScalarMetric, number>> = {}): ArmFlows {
  const k = INTERVENTION_METRICS.length, flows = new Float64Array(weeks * k);
  for (const [m, values] of Object.entries(series)) values.forEach((v, w) => (flows[w * k + interventionIndex(AS_INTERVENTION[m as PlusMetric])] = v));
  goLive.forEach((v, w) => (flows[w * k + interventionIndex("go_live")] = v));
  return { weeks, horizonWeeks: weeks, flows: [flows], scalars: Float64Array.from(SCALAR_METRICS, (m) => scalars[m] ?? 0) };
}

/** What a synthetic area does once Cafcass Plus is live there, per week. */
export interface SyntheticEffect { readonly casesPerWeek: number; readonly proceedingsAvoidedPerWeek: number }

/**
 * An executor that runs no model: each replication's `plus` array has every area's cohort flows
 * (2 proceedings a week, noise by replication shared by both arms, as common random numbers give)
 * and, in live areas (sites and roll-out), Plus cases costing `fcaHoursPerCase` each and
 * the area's proceedings avoided.
 */
export function syntheticExecutor(effect: (area: string) => SyntheticEffect): ReplicationExecutor {
  return {
    concurrency: 1,
    run: ({ scenario, replication }) => Promise.resolve(syntheticResult(scenario, replication, effect)),
    recycle: () => {},
    close: () => Promise.resolve(),
  };
}

function syntheticResult(scenario: Scenario, replication: number, effect: (area: string) => SyntheticEffect): ReplicationResult {
  const shape = resultShape(scenario), rows = shape.areas.length, plus = new Float64Array(plusLength(shape));
  const interventions = new Float64Array(interventionWeeks(shape) * INTERVENTION_METRICS.length);
  const live = new Set([...scenario.cafcassPlus.sites.map((s) => s.area), ...scenario.cafcassPlus.rollout.areas]);
  const add = (w: number, row: number, m: PlusMetric, v: number): void => {
    for (const r of [row, rows]) {
      const i = plusOffset(shape, w, r, plusIndex(m));
      plus[i] = plus[i]! + v;
    }
    const j = interventionOffset(shape, 0, w, interventionIndex(AS_INTERVENTION[m]));
    interventions[j] = interventions[j]! + v;
    if (m === "plus_live" && w === 0) interventions[interventionOffset(shape, 0, 0, interventionIndex("go_live"))]! += v;
  };
  for (let w = 0; w < shape.weeks; w++) {
    shape.areas.forEach((area, a) => {
      const noise = ((replication * 7 + a * 3 + w) % 5) / 5; // the same in both arms
      const e = live.has(area) ? effect(area) : { casesPerWeek: 0, proceedingsAvoidedPerWeek: 0 };
      add(w, a, "cohort_proceedings", 2 + noise - e.proceedingsAvoidedPerWeek);
      add(w, a, "cohort_diverted", 1 + e.proceedingsAvoidedPerWeek);
      if (!live.has(area)) return;
      add(w, a, "plus_live", 1);
      add(w, a, "plus_cases_started", e.casesPerWeek);
      add(w, a, "plus_fca_hours", e.casesPerWeek * scenario.cafcassPlus.fcaHoursPerCase * (1 + replication / 10));
    });
  }
  const scalars = new Float64Array((rows + 1) * SCALAR_METRICS.length);
  scalars[scalarOffset(rows, SCALAR_METRICS.indexOf("avg_caseload"))] = 18 + replication / 10 + live.size / 100;
  return { replication, weekly: new Float64Array(0), scalars, plus, interventions, conservationChecks: 0, transitions: new Float64Array(0), events: 0, reviews: 0, kernelEvents: 0 };
}
