/**
 * What the model records about each declared intervention for appraisal: national weekly flows
 * in both arms, over the horizon and a run-off after it, so savings of cases begun before the
 * horizon are counted to their end. Cafcass Plus (index 0 when modelled) maps its pathway here.
 */
import type { ResultShape } from "./metrics.js";

/** Weekly flows per intervention, in storage order. */
export const INTERVENTION_METRICS = [
  /** Eligible cases met (Plus: cohort referrals; public law: eligible referrals reaching the intervention's day), in either arm. */
  "eligible",
  /** Of those, cases served (the area is live and, where needed, the guardian allocated). */
  "served",
  /** Eligible cases in a live area not served because no guardian was allocated in time. */
  "missed",
  /** FCA hours spent on the intervention. */
  "fca_hours",
  /** Cases diverted from court (Plus cohort only). */
  "diverted",
  /** Care proceedings issued for cases the intervention tracks (Plus cohort only: public law cases are already in court). */
  "proceedings",
  /** Tracked cases in proceedings, in case-weeks. */
  "case_weeks",
  /** Expert reports in tracked proceedings: each case's expected count (a share of a report is kept, not rounded), so the total is linear in the effect. */
  "expert_reports",
  /** Guardian hours in tracked proceedings. */
  "guardian_hours",
  /** Tracked children's weeks in a foster placement. */
  "placement_weeks",
  /** Live areas (horizon weeks only: the service is costed while it is simulated). */
  "live_areas",
  /** Areas live for the first time this week (each pays its set-up then). */
  "go_live",
  /** Proceedings of served cases, counted when their expert reports are: what the expert-report effect multiplies (re-costing it). */
  "served_proceedings",
  /** Guardian hours served cases' proceedings would take without the effect, spread as guardian hours are: what the guardian-hours effect scales. */
  "served_guardian_base",
] as const;
export type InterventionMetric = (typeof INTERVENTION_METRICS)[number];

/** Index of an intervention metric. */
export const interventionIndex = (m: InterventionMetric): number => INTERVENTION_METRICS.indexOf(m);

/**
 * Weeks recorded after the horizon: five years, more than ten times the mean public law
 * proceedings (43 weeks), so run-off past it is negligible.
 */
export const RUNOFF_WEEKS = 261;

/** Weeks per intervention in a result: the horizon then the run-off. */
export const interventionWeeks = (shape: ResultShape): number => shape.weeks + RUNOFF_WEEKS;

/** Offset of (intervention, week, metric) in a replication's `interventions` array. */
export function interventionOffset(shape: ResultShape, intervention: number, week: number, metric: number): number {
  return (intervention * interventionWeeks(shape) + week) * INTERVENTION_METRICS.length + metric;
}
