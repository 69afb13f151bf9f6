import { z } from "zod";
import { isoDate, nonNegative, positive, share, weeks } from "./common.js";

/** An uncertain effect: each replication draws it from a normal truncated to [min, max]. */
export const uncertainEffect = (mean: number, sd: number, min: number, max: number) =>
  z.strictObject({
    mean: z.number().finite().default(mean),
    sd: nonNegative.default(sd),
    min: z.number().finite().default(min),
    max: z.number().finite().default(max),
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
  sites: z.array(plusSiteSchema).max(200).default([]),
  rollout: z.strictObject({
    areas: z.array(z.string().min(1)).max(200).default([]),
    /** Go-live date for roll-out areas; the scenario's start date when absent. */
    start: isoDate.optional(),
  }).prefault({}),
  /** Share of the area's newborn care applications whose mothers are referred pre-birth (§8.6: 60%, 40–80%). */
  eligibleShare: share.default(0.6),
  /** Referral at this many weeks of gestation, uniform (§8.6: 20–30). */
  referralGestationWeeks: z.strictObject({ min: positive.max(42).default(20), max: positive.max(42).default(30) })
    .refine((g) => g.min <= g.max, { message: "expected min ≤ max", path: ["min"] }).prefault({}),
  /** FCA hours per Plus case (§8.6: 20, 12–35). */
  fcaHoursPerCase: nonNegative.max(500).default(20),
  /** Diversion without Plus (§8.6: 25%, 20–37%). */
  baselineDiversion: share.default(0.25),
  /** Effect sizes, drawn once per replication (§8.6). */
  effects: z.strictObject({
    /** Added to the diversion probability (§8.6: Normal(0.10, 0.08) truncated to [−0.05, 0.30]). */
    diversionUplift: uncertainEffect(0.1, 0.08, -0.05, 0.3),
    /** Weeks cut from proceedings that still go ahead (§8.6: −4, range 0 to −8). */
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
});

export type CafcassPlus = z.output<typeof plusSchema>;
