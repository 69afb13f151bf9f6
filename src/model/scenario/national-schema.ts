import { z } from "zod";
import { isoDate, lognormalWeeks, nonNegative, positive, share, weeks } from "./common.js";

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
  areas: z.array(z.string().min(1)).optional(),
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
  shocks: z.array(shockSchema).default([]),
});

/** Case mix and tiers (§8.2). */
export const caseMixSchema = z.strictObject({
  privateFurtherWorkShare: share.default(0.35),
  /** Of further-work cases, the urgent or high-risk share (P2, always allocated). */
  furtherWorkUrgentShare: share.default(0.4),
  /** Of the less urgent, the share with another safeguarding agency involved (P3; the rest P4). */
  lessUrgentP3Share: share.default(0.5),
});

/** Case durations (§8.3). */
export const durationsSchema = z.strictObject({
  public: lognormalWeeks.default({ meanWeeks: 43, cv: 0.5 }),
  wtfhWeeks: positive.max(52).default(6),
  /** FCA-held further work after the first hearing (40 weeks issue to order, less WTFH). */
  furtherWork: lognormalWeeks.default({ meanWeeks: 34, cv: 0.5 }),
  /** Filing timescale for an s7 report after the order. */
  filingWeeks: positive.max(52).default(14),
  /** Periods when courts dispose more slowly. */
  slowdowns: z.array(slowdownSchema).default([]),
});

/**
 * How caseloads are counted (§8.4): plain case counts against the caps (Cafcass's measure, "20 or more"),
 * or weighted units (the 2006 workload equivalence: public 2.6, s7 1, WTFH 0.35) against a cap in units.
 */
const caseloadSchema = z.strictObject({
  measure: z.enum(["count", "weighted"]).default("count"),
  weights: z.strictObject({
    public: positive.max(20).default(2.6),
    furtherWork: positive.max(20).default(1),
    /** Cafcass Plus work holds a place like a public law case (the same hours a week, plus-schema.ts) [A]. */
    plus: positive.max(20).default(2.6),
  }).prefault({}),
  /** A full-time long-term FCA's cap in units when `measure` is "weighted" (§8.4: 26). */
  weightedLongTermCap: positive.max(500).default(26),
});

/**
 * Who gets a case (domain.md; seed 002). "team" (default): each case belongs to a team of its area
 * (drawn in proportion to the team's posts); the team allocates it to one of its FCAs with room
 * under the cap, chosen at random (so caseloads differ as they do between real FCAs); a team with no
 * room passes it to the FCA with most room in the area. "roomiest": always the FCA with most room in
 * the area (perfectly balanced caseloads). Either way, when nobody in the area has room, public law
 * and urgent private law (P1/P2) go over the cap up to `urgentLimitShare` × the cap, and less urgent
 * cases (P3/P4) wait unallocated, held on duty by service managers.
 */
const allocationSchema = z.strictObject({
  policy: z.enum(["team", "roomiest"]).default("team"),
  /** Long-term FCAs per team (§1.6: 110 teams in 2006, about 10 FCAs each) [A]. */
  teamSize: z.number().int().min(1).max(500).default(10),
  /** P1/P2 cases may take an FCA up to this multiple of the cap (§3.2: 25+ flagged, 5.5–8.4% of FCAs hold 25 or more) [A]. */
  urgentLimitShare: z.number().finite().min(1).max(5).default(1.25),
  /**
   * How far the choice within a team favours FCAs with more room: each FCA below the limit is chosen with
   * weight (room)^balance, so 0 is blind to caseloads and large values always pick the roomiest [A].
   */
  balance: nonNegative.max(20).default(2),
  /**
   * FCAs differ in how much they can hold (experience, hours, case mix): each long-term post holder's cap is
   * the team cap × a lognormal factor with mean 1 and this CV, fitted to the spread of caseloads in §3.2 [A].
   */
  capacitySpread: nonNegative.max(1).default(0.1),
  /**
   * Weeks a P3/P4 case waits for an FCA of its own team before a service manager allocates it to another
   * team of the area (P1/P2 cross at once). Teams serve their own courts, so less urgent work is not
   * moved at once (seed 002: unallocated work is held on duty by service managers) [A].
   */
  crossTeamAfterWeeks: nonNegative.max(104).default(4),
  /**
   * P3/P4 cases take an FCA only up to this multiple of the cap; beyond it they wait unallocated. §3.2:
   * FCAs routinely hold more than 20 (35–42% do) but few 25 or more (5.5–8.4%; "25+ flagged", §8.4).
   * Holding P3/P4 back at the cap itself is what the protocol's hub does: released cases take room under the cap only.
   */
  lessUrgentLimitShare: z.number().finite().min(0.5).max(5).default(1.25),
  /**
   * The longest a case is held unallocated on duty (outside a hub) before a service manager allocates it to
   * the roomiest FCA whatever the caseload. Holding work back for longer is what the protocol's hub sanctions
   * (up to its maximum hold); without it, cases wait weeks, not months (§3.6: up to 40 days for care cases in 2009) [A].
   */
  dutyMaxWeeks: nonNegative.max(104).default(8),
});

/**
 * The recruitment pipeline (§3.4, §8.4). A vacancy starts a campaign (none starts during a freeze;
 * frozen ones start when it ends); the time to fill it is lognormal; and an area can take on at most
 * `maxHiresPerYear` × its posts new starters a year, so a backlog of vacancies refills over months.
 */
const recruitmentSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /**
   * Mean weeks from vacancy to start. §8.4 assumes 16 (10–26), but with 15% attrition that leaves only 4.4% of
   * posts vacant against the published 8–12% (§3.4); renewal balance gives 32 weeks for 8.5% [A].
   */
  delayWeeks: weeks.default(32),
  /** Coefficient of variation of the time to fill. */
  delayCv: nonNegative.max(3).default(0.5),
  /** Most starters an area can take on a year, as a share of its posts (twice the 15% attrition) [A]. */
  maxHiresPerYear: positive.max(5).default(0.3),
  /** No recruitment campaign starts between these dates (a recruitment freeze). */
  freezeFrom: isoDate.optional(),
  freezeTo: isoDate.optional(),
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
    waves: z.array(periodSchema).default([]),
  }).prefault({}),
  attrition: z.strictObject({
    perYear: share.default(0.15),
    overloadUplift: share.default(0.03),
    overloadCaseload: positive.max(100).default(25),
  }).prefault({}),
  recruitment: recruitmentSchema.prefault({}),
  /** New starters' cap as a share of the full cap, by weeks since starting. */
  rampUp: z.array(z.strictObject({ untilWeek: weeks, capShare: share })).default([
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
