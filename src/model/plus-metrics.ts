/**
 * What the model records about the Cafcass Plus pathway and the cohort it serves (unborn babies
 * whose local authority has decided to send a letter before proceedings), per (week, area) with
 * the national row last. The cohort is recorded in every area, participating or not, so a
 * do-nothing run and a roll-out run on common random numbers can be differenced week by week.
 */
import type { ResultShape } from "./metrics.js";

/** Weekly pathway metrics, in storage order. All are flows within the week except `plus_live`. */
export const PLUS_METRICS = [
  /** Cohort cases referred (a letter before proceedings for an unborn baby), in either arm. */
  "cohort_referrals",
  /** Of those, cases taken on by Cafcass Plus (the area is live). */
  "plus_cases_started",
  /** FCA hours spent on Cafcass Plus work this week (taken from the same FCA pool as other work). */
  "plus_fca_hours",
  /** Cohort cases decided this week: diverted from court (never become care applications). */
  "cohort_diverted",
  /** Cohort cases decided this week: care proceedings issued (they enter the model as public law cases). */
  "cohort_proceedings",
  /** Cohort cases in care proceedings during this week (local authority cost per case-week). */
  "proceedings_case_weeks",
  /** Expert reports commissioned this week in cohort proceedings. */
  "expert_reports",
  /** Guardian (FCA) hours on cohort proceedings this week. */
  "guardian_hours",
  /** Cohort child-weeks in a foster placement this week. */
  "placement_weeks",
  /** 1 while the area's Cafcass Plus service is live (national row: number of live areas). */
  "plus_live",
] as const;
export type PlusMetric = (typeof PLUS_METRICS)[number];

/** Index of a pathway metric. */
export const plusIndex = (m: PlusMetric): number => PLUS_METRICS.indexOf(m);

/** Offset of (week, row, metric) in a replication's `plus` array; row = areas.length is national. */
export function plusOffset(shape: ResultShape, week: number, row: number, metric: number): number {
  return (week * (shape.areas.length + 1) + row) * PLUS_METRICS.length + metric;
}

/** Length of a replication's `plus` array. */
export const plusLength = (shape: ResultShape): number => shape.weeks * (shape.areas.length + 1) * PLUS_METRICS.length;
