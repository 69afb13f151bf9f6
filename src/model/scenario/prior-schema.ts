import { z } from "zod";

const finite = z.number().finite();

/** A prior distribution for one uncertain input: its shape and parameters. */
export const priorDistributionSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("uniform"), min: finite, max: finite })
    .refine((d) => d.min < d.max, { message: "min must be below max", path: ["max"] }),
  /** Normal, truncated to [min, max] when given (a multiplier cannot fall below 0, say). */
  z.strictObject({ kind: z.literal("normal"), mean: finite, sd: finite.positive(), min: finite.optional(), max: finite.optional() })
    .refine((d) => d.min === undefined || d.max === undefined || d.min < d.max, { message: "min must be below max", path: ["max"] })
    .refine((d) => (d.min === undefined || d.mean + 4 * d.sd > d.min) && (d.max === undefined || d.mean - 4 * d.sd < d.max), { message: "the truncation leaves almost none of the distribution (more than 4 sd from the mean)", path: ["mean"] }),
  /** Lognormal by its mean and coefficient of variation, as durations are elsewhere in the scenario. */
  z.strictObject({ kind: z.literal("lognormal"), mean: finite.positive(), cv: finite.positive().max(5) }),
  /** Gamma by shape and rate (mean shape ÷ rate). */
  z.strictObject({ kind: z.literal("gamma"), shape: finite.positive(), rate: finite.positive() }),
]);

/**
 * One uncertain input: the scenario field it sets (a path such as
 * `national.workforce.sickness.shortPerFteYear`), its prior, and where the prior comes from.
 * `hubsim calibrate` fits these to observations; `--posterior` then draws them per replication.
 */
export const priorSchema = z.strictObject({
  path: z.string().min(1),
  /** A short name for tables and charts; the path when absent. */
  label: z.string().min(1).optional(),
  distribution: priorDistributionSchema,
  /** Where the prior comes from, e.g. "calibration.md §8.4 range 1.6–3.0". */
  source: z.string().min(1),
});

/** The scenario's uncertain inputs, at most 40 (ABC-SMC fits a handful well; dozens need far more simulations). */
export const priorsSchema = z.array(priorSchema).max(40).refine(
  (ps) => new Set(ps.map((p) => p.path)).size === ps.length,
  { message: "each path may have one prior only" },
);

export type PriorDistribution = z.output<typeof priorDistributionSchema>;
export type Prior = z.output<typeof priorSchema>;
