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

/** A whole number of weeks ≥ 0, at most 20 years. */
export const weeks = z.number().int().min(0).max(1040);

/** A lognormal duration by mean (weeks) and coefficient of variation. */
export const lognormalWeeks = z.strictObject({
  meanWeeks: positive.max(520),
  cv: nonNegative.max(5),
});
