import { z } from "zod";
import { isoDate, nonNegative, positive, share, weeks } from "./common.js";

/** An uncertain effect: each replication draws it from a normal truncated to [min, max]. */
export const uncertainEffect = (mean: number, sd: number, min: number, max: number) =>
  z.strictObject({
    // Effects are shares and multipliers: ±1,000 is far beyond any plausible one.
    mean: z.number().finite().min(-1000).max(1000).default(mean),
    sd: nonNegative.max(1000).default(sd),
    min: z.number().finite().min(-1000).max(1000).default(min),
    max: z.number().finite().min(-1000).max(1000).default(max),
  }).refine((e) => e.min <= e.mean && e.mean <= e.max, { message: "expected min ≤ mean ≤ max", path: ["mean"] }).prefault({});

/** An area where Cafcass Plus is (or will be) live, from its start date. */
export const plusSiteSchema = z.strictObject({
  area: z.string().min(1),
  start: isoDate,
});

/**
 * Cafcass Plus (domain.md; calibration §5, §8.6): FCA work before proceedings for unborn babies.
 * `sites` are live in every run; `rollout` areas are added in the roll-out arm of `hubsim appraise`.
 */
export const plusSchema = z.strictObject({
  /** Model the pre-birth cohort; when absent, only if a site or roll-out area is listed (so scenarios without Plus run exactly as before). */
  enabled: z.boolean().optional(),
  sites: z.array(plusSiteSchema).max(200).default([]),
  rollout: z.strictObject({
    areas: z.array(z.string().min(1)).max(200).default([]),
    /** Go-live date for roll-out areas; the scenario's start date when absent. */
    start: isoDate.optional(),
  }).prefault({}),
  /** Share of the area's newborn care applications whose mothers are referred pre-birth (§8.6: 60%, 40–80%). */
  eligibleShare: share.default(0.6),
  /**
   * Newborn care proceedings as a share of the area's public law cases: 2,447 newborns in s31 proceedings
   * (2016-17, §1.2) ÷ 14,599 s31 applications = 16.8% of s31; × s31 share 0.70 (§8.2) = 11.7% [A].
   * The cohort's referral rate is publicPerWeek × this × eligibleShare ÷ (1 − baselineDiversion), so that
   * without Plus its proceedings equal the carved-out share of public law demand.
   */
  newbornShareOfPublic: share.default(0.117),
  /** Per-area overrides: a cohort rate (e.g. a pilot that took only some eligible cases) and a local baseline diversion. */
  local: z.record(z.string().min(1), z.strictObject({
    /** Cohort referrals per week, replacing the rate derived from public law demand. */
    cohortPerWeek: nonNegative.max(1000).optional(),
    /** Local diversion without Plus (C&W comparators 36.7%, n = 30, §5.2). */
    baselineDiversion: share.optional(),
  })).default({}),
  /** Referral at this many weeks of gestation, uniform (§8.6: 20–30). */
  referralGestationWeeks: z.strictObject({ min: positive.max(42).default(20), max: positive.max(42).default(30) })
    .refine((g) => g.min <= g.max, { message: "expected min ≤ max", path: ["min"] }).prefault({}),
  /** Gestation at birth, when the local authority decides: involvement = this − gestation at referral (§8.6: 10–20 weeks, default 14; 39 gives 9–19, mean 14) [A]. */
  birthGestationWeeks: positive.max(45).default(39),
  /**
   * FCA hours per Plus case (§8.6: 20, 12–35). The model measures FCA time in caseload places: a public law
   * case is guardianHoursPerCase over the mean public duration (75 h / 43 weeks ≈ 1.74 h a place-week), so a
   * Plus case holds one long-term caseload place for fcaHoursPerCase ÷ that rate weeks from referral.
   */
  fcaHoursPerCase: nonNegative.max(500).default(20),
  /** Diversion without Plus (§8.6: 25%, 20–37%). */
  baselineDiversion: share.default(0.25),
  /** Cohort cases that go to court (§8.3, §8.7, §5.2). */
  proceedings: z.strictObject({
    /** Guardian hours per public law case, 40% in the first 12 weeks (§8.3: 75, 50–110). */
    guardianHoursPerCase: nonNegative.max(1000).default(75),
    /** Expert reports per care case (§8.7: £6,000 a case at £3,000 a report, so 2) [A]. */
    expertReportsPerCase: nonNegative.max(10).default(2),
    /**
     * Share of proceedings in which the baby is in foster care from birth until the order [A]: 0.8 makes
     * 40% of the cohort remain with family without Plus (25% diverted + 75% × 20%) and about 48% with a
     * +10-point uplift, against Liverpool's 40% and "more than half" (§5.2, §8.6).
     */
    fosterShare: share.default(0.8),
  }).prefault({}),
  /** Effect sizes, drawn once per replication (§8.6). */
  effects: z.strictObject({
    /** Added to the diversion probability (§8.6: Normal(0.10, 0.08) truncated to [−0.05, 0.30]). */
    diversionUplift: uncertainEffect(0.1, 0.08, -0.05, 0.3),
    /** Weeks cut from proceedings that still go ahead, on average (§8.6: −4, range 0 to −8); each case shrinks by this ÷ the mean public duration. */
    durationReductionWeeks: uncertainEffect(4, 2, 0, 8),
    /** Share of guardian hours saved in later proceedings (§8.6: 10%, 0–20%). */
    guardianHoursReduction: uncertainEffect(0.1, 0.05, 0, 0.2),
    /** Expert reports avoided per proceeding case (§8.6: 0.3, 0–0.5). */
    expertReportsReduction: uncertainEffect(0.3, 0.125, 0, 0.5),
  }).prefault({}),
  /** Weeks of supervision and set-up before a site takes referrals. */
  setupWeeks: weeks.max(104).default(0),
}).superRefine((p, ctx) => {
  const seen = new Set<string>();
  p.sites.forEach((s, i) => {
    if (seen.has(s.area)) ctx.addIssue({ code: "custom", path: ["sites", i, "area"], message: `area "${s.area}" is listed twice` });
    seen.add(s.area);
  });
  p.rollout.areas.forEach((a, i) => {
    if (seen.has(a)) ctx.addIssue({ code: "custom", path: ["rollout", "areas", i], message: `area "${a}" is already a site` });
  });
  if (p.birthGestationWeeks < p.referralGestationWeeks.max) {
    ctx.addIssue({ code: "custom", path: ["birthGestationWeeks"], message: `expected at least the latest referral (${p.referralGestationWeeks.max} weeks)` });
  }
});

export type CafcassPlus = z.output<typeof plusSchema>;
