import { z } from "zod";
import { isoDate, lognormalWeeks, nonNegative, positive, share, weeks } from "./common.js";
import { allocationSchema, caseloadSchema, recruitmentSchema } from "./staff-rules-schema.js";

/** A dated change in demand: a step from `from`, or a ramp reaching its full size at `to`. */
export const shockSchema = z.strictObject({
  kind: z.enum(["step", "ramp"]).default("step"),
  from: isoDate,
  /** For a ramp, when the full multiplier is reached; for a step, when it ends (optional). */
  to: isoDate.optional(),
  /** Demand multiplier at full effect (1.3 = +30%). */
  multiplier: positive.max(10),
  streams: z.array(z.enum(["private", "public"])).min(1).default(["private", "public"]),
  /** Areas affected by name; all when omitted. */
  areas: z.array(z.string().min(1)).max(200).optional(),
});

const periodFields = {
  from: isoDate,
  to: isoDate.optional(),
  multiplier: positive.max(20),
};
const inOrder = (p: { from: string; to?: string | undefined }): boolean => p.to === undefined || p.to >= p.from;
const outOfOrder = { message: "to must not be before from", path: ["to"] };

/** A dated period in which a rate is multiplied (a sickness wave). */
const periodSchema = z.strictObject(periodFields).refine(inOrder, outOfOrder);

/**
 * A period when courts dispose more slowly (or faster, below 1). "open" (default): every case open in
 * it progresses that much slower while it lasts, as adjourned hearings slow all proceedings under way;
 * "referred": only cases begun in it take that much longer, for their whole course.
 */
const slowdownSchema = z.strictObject({ ...periodFields, applies: z.enum(["open", "referred"]).default("open") }).refine(inOrder, outOfOrder);

/** Monthly demand index, January first (calibration §1.5 derived index; Dec dip −14%). */
const SEASONALITY = [1.05, 1.04, 1.05, 0.93, 0.99, 0.98, 1.06, 0.98, 0.96, 1.05, 1.05, 0.86];

export const demandSchema = z.strictObject({
  seasonality: z.array(positive.max(3)).length(12).default(SEASONALITY),
  /** Growth a year, compounded weekly (§8.1: flat; range −5% to +15%). */
  trendPerYear: z.number().finite().min(-0.5).max(1).default(0),
  /** Multiplies every area's demand (the planner's what-if lever). */
  multiplier: positive.max(10).default(1),
  shocks: z.array(shockSchema).max(100).default([]),
});

/** Case mix and tiers (§8.2). */
export const caseMixSchema = z.strictObject({
  privateFurtherWorkShare: share.default(0.35),
  /** Of further-work cases, the urgent or high-risk share (P2, always allocated). */
  furtherWorkUrgentShare: share.default(0.4),
  /** Of the less urgent, the share with another safeguarding agency involved (P3; the rest P4). */
  lessUrgentP3Share: share.default(0.5),
  /** Children per public law case (§2.1: about 1.6; e.g. 48,218 children in 30,136 open cases, Mar 2020). */
  childrenPerPublicCase: z.number().finite().min(1).max(10).default(1.6),
  /** Children per private law case (§2.1: 25,394 children in 16,596 open private cases, Nov 2024 = 1.53). */
  childrenPerPrivateCase: z.number().finite().min(1).max(10).default(1.53),
});

/** Case durations (§8.3). */
export const durationsSchema = z.strictObject({
  public: lognormalWeeks(43, 0.5),
  wtfhWeeks: positive.max(52).default(6),
  /** FCA-held further work after the first hearing (40 weeks issue to order, less WTFH). */
  furtherWork: lognormalWeeks(34, 0.5),
  /** Filing timescale for an s7 report after the order. */
  filingWeeks: positive.max(52).default(14),
  /** Periods when courts dispose more slowly. */
  slowdowns: z.array(slowdownSchema).max(100).default([]),
});

/** Sickness, attrition, recruitment and the agency lever (§8.4). */
export const workforceSchema = z.strictObject({
  /** Multiplies every area's FTE (the planner's "fewer FCAs" lever). */
  fteMultiplier: nonNegative.max(10).default(1),
  /** Caseload cap of a full-time long-term FCA (§8.4, §3.2: 20 is the most that allows relationship-based practice). */
  longTermCap: positive.max(100).default(20),
  shortTermCap: positive.max(200).default(35),
  caseload: caseloadSchema.prefault({}),
  allocation: allocationSchema.prefault({}),
  sickness: z.strictObject({
    // §8.4 gives 1.6 a year "calibrated to hit 5.5%", but 1.6 × 4.9 calendar days plus long
    // sickness (0.15 × 45 days) is only 4.0% of time; 2.7 a year makes the total 5.5% (§3.3).
    shortPerFteYear: nonNegative.max(50).default(2.7),
    shortMeanWorkingDays: positive.max(60).default(3.5),
    longPerFteYear: nonNegative.max(10).default(0.15),
    // The lognormal's mean and median; episodes under the 28-day definition are raised to 28,
    // so the realised mean is about 49 days with these defaults.
    longMeanDays: positive.max(730).default(45),
    longMedianDays: positive.max(730).default(35),
    /** Multiplier on sickness for FCAs over their cap for more than `stressAfterWeeks`. */
    stressMultiplier: z.number().finite().min(1).max(10).default(1.3),
    stressAfterWeeks: weeks.default(8),
    /** Scales every sickness rate (the planner's what-if lever). */
    multiplier: nonNegative.max(20).default(1),
    /** Dated sickness waves: rates multiplied within each period. */
    waves: z.array(periodSchema).max(100).default([]),
  }).prefault({}),
  attrition: z.strictObject({
    perYear: share.default(0.15),
    overloadUplift: share.default(0.03),
    overloadCaseload: positive.max(100).default(25),
  }).prefault({}),
  recruitment: recruitmentSchema.prefault({}),
  /** New starters' cap as a share of the full cap, by weeks since starting. */
  rampUp: z.array(z.strictObject({ untilWeek: weeks, capShare: share })).max(52).default([
    { untilWeek: 8, capShare: 0.5 },
    { untilWeek: 16, capShare: 0.75 },
  ]),
  agency: z.strictObject({
    /** Extra long-term FTE per area as a share of its FTE (§8.4: up to 7%). */
    share: share.max(0.5).default(0),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Agency FCAs arrive spread evenly over this window after `from` (§8.4: "within 8–12 weeks"). */
    startWeeks: z.strictObject({ min: weeks.max(104).default(8), max: weeks.max(104).default(12) })
      .refine((w) => w.min <= w.max, { message: "expected min ≤ max", path: ["min"] }).prefault({}),
  }).refine((a) => a.from === undefined || a.to === undefined || a.to >= a.from, { message: "to must not be before from", path: ["to"] }).prefault({}),
});

export const nationalSchema = z.strictObject({
  demand: demandSchema.prefault({}),
  caseMix: caseMixSchema.prefault({}),
  durations: durationsSchema.prefault({}),
  workforce: workforceSchema.prefault({}),
});

export type National = z.output<typeof nationalSchema>;
export type Shock = z.output<typeof shockSchema>;
