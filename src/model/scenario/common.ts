import { z } from "zod";

/** A calendar date written YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD").refine(
  (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  "not a real calendar date",
);

/** A finite number ≥ 0. */
export const nonNegative = z.number().finite().nonnegative();

/** A finite number > 0. */
export const positive = z.number().finite().positive();

/** A probability or share in [0, 1]. */
export const share = z.number().finite().min(0).max(1);

/**
 * The most open cases of one kind an area can start with: ten times England's whole open caseload
 * (about 20,000 cases), so a typo of a few digits is caught before it swamps memory.
 */
export const openCount = nonNegative.int().max(200_000);

/**
 * The most referrals a week one area can receive: about five times England's national demand
 * (about 1,100 a week), far above any real area (the largest has about 165).
 */
export const weeklyDemand = nonNegative.max(5_000);

/** A unit cost in pounds: at most £10 million, far above any cost in calibration §8.7. */
export const pounds = nonNegative.max(10_000_000);

/** A whole number of weeks ≥ 0, at most 20 years. */
export const weeks = z.number().int().min(0).max(1040);

/** A lognormal duration by mean (weeks) and coefficient of variation, each defaulting to the value given. */
export function lognormalWeeks(meanWeeks: number, cv: number) {
  // Each field defaults on its own, so setting one (`--set national.durations.public.meanWeeks=50`) keeps the other's default.
  return z.strictObject({
    meanWeeks: positive.max(520).default(meanWeeks),
    cv: nonNegative.max(5).default(cv),
  }).prefault({});
}
