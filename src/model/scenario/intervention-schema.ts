/**
 * A declared intervention (issue 16; design.md habit 3: an intervention is data the model
 * interprets). The model interprets public law interventions that act on a case at referral or
 * on a day of proceedings (pre-CMH meetings: day 12–18); the pre-birth cohort of Cafcass Plus is
 * declared by `cafcassPlus` (its pathway starts before proceedings, so it has fields of its own) and
 * appraised, ranked and varied as the declared intervention `cafcass-plus` beside these
 * (experiment/appraisal/arms.ts `declaredNames`, `whereOf`).
 */
import { z } from "zod";
import { isoDate, nonNegative, pounds, share, weeks } from "./common.js";

/** A financial year, e.g. "2024-25". */
export const financialYear = z.string().regex(/^\d{4}-\d{2}$/, "expected a financial year as YYYY-YY").refine(
  (y) => (Number(y.slice(2, 4)) + 1) % 100 === Number(y.slice(5, 7)), "expected consecutive years, e.g. 2024-25");

/** A unit cost with the financial year its prices are in; appraisal uprates it to the scenario's price year. */
export const unitCostSchema = z.strictObject({ amount: pounds, priceYear: financialYear });
export type UnitCost = z.output<typeof unitCostSchema>;

const bound = z.number().finite().min(-1000).max(1000);

/** An effect drawn once per replication: fixed, uniform on [min, max], or a normal truncated to [min, max]. */
export const effectDistributionSchema = z.discriminatedUnion("dist", [
  z.strictObject({ dist: z.literal("fixed"), value: bound }),
  z.strictObject({ dist: z.literal("uniform"), min: bound, max: bound })
    .refine((d) => d.min <= d.max, { message: "expected min ≤ max", path: ["min"] }),
  z.strictObject({ dist: z.literal("normal"), mean: bound, sd: nonNegative.max(1000), min: bound, max: bound })
    .refine((d) => d.min <= d.max, { message: "expected min ≤ max", path: ["min"] })
    .refine((d) => d.min > d.max || (d.min <= d.mean && d.mean <= d.max), { message: "expected min ≤ mean ≤ max", path: ["mean"] }),
]);
export type EffectDistribution = z.output<typeof effectDistributionSchema>;

const none = { dist: "fixed", value: 0 } as const;

/** The effects an intervention can have on a case it serves, each drawn per replication. */
export const interventionEffectsSchema = z.strictObject({
  /** Added to the chance the case never reaches court; only the pre-birth cohort (Cafcass Plus) can be diverted. */
  diversion: effectDistributionSchema.default(none),
  /** Weeks cut from the case's proceedings (negative: longer). */
  durationWeeks: effectDistributionSchema.default(none),
  /** Expert reports avoided per case. */
  expertReports: effectDistributionSchema.default(none),
  /** Share of the guardian's hours in proceedings saved (negative: more hours). */
  guardianHoursShare: effectDistributionSchema.default(none),
}).prefault({});
export type InterventionEffects = z.output<typeof interventionEffectsSchema>;

/** When the intervention meets the case: at referral (day 0 of proceedings) or on a day of proceedings drawn uniformly. */
export const interventionTimingSchema = z.discriminatedUnion("at", [
  z.strictObject({ at: z.literal("referral") }),
  z.strictObject({
    at: z.literal("proceedings-day"),
    day: z.strictObject({ min: nonNegative.max(365), max: nonNegative.max(365) })
      .refine((d) => d.min <= d.max, { message: "expected min ≤ max", path: ["min"] }),
  }),
]);

/** Payers other than Cafcass whose staff give time to each case served. */
export const OTHER_PAYERS = ["hmcts", "legalAid", "localAuthority"] as const;

/** A public law intervention declared in `interventions`. */
export const interventionSchema = z.strictObject({
  /** Lower-case words and dashes; `cafcass-plus` is Cafcass Plus's own name. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "expected lower-case letters, digits and dashes (at most 40)")
    .refine((n) => n !== "cafcass-plus", "cafcass-plus is declared by the cafcassPlus block"),
  description: z.string().default(""),
  eligibility: z.strictObject({
    /** Ordinary public law referrals (always tier 1, P1); the Cafcass Plus cohort's proceedings are not eligible, so combinations do not count a case twice. */
    caseKind: z.literal("public").default("public"),
    /** Share of eligible referrals the intervention is offered to. */
    share: share.default(1),
  }).prefault({}),
  timing: interventionTimingSchema,
  /** Held only if the case's guardian is allocated by then (so in an area short of FCAs it competes with allocation). */
  needsAllocatedGuardian: z.boolean().default(true),
  /** FCA hours per case served, held as a place on a long-term FCA's caseload like Cafcass Plus. */
  fcaHoursPerCase: nonNegative.max(500),
  otherPayers: z.array(z.strictObject({
    payer: z.enum(OTHER_PAYERS),
    /** Whose time, e.g. "social worker". */
    role: z.string().min(1),
    hoursPerCase: nonNegative.max(500),
    hourCost: unitCostSchema,
  })).max(10).default([]),
  /** The cases' proceedings without the intervention (same defaults as the Cafcass Plus cohort's, §8.3, §8.7). */
  proceedings: z.strictObject({
    guardianHoursPerCase: nonNegative.max(1000).default(75),
    expertReportsPerCase: nonNegative.max(10).default(2),
    /** Share of eligible cases with a child in foster care through proceedings [A]. */
    fosterShare: share.default(0.5),
  }).prefault({}),
  effects: interventionEffectsSchema,
  where: z.strictObject({
    sites: z.array(z.strictObject({ area: z.string().min(1), start: isoDate })).max(200).default([]),
    rollout: z.strictObject({ areas: z.array(z.string().min(1)).max(200).default([]), start: isoDate.optional() }).prefault({}),
    /** Weeks from an area's start before it serves cases. */
    setupWeeks: weeks.max(104).default(0),
  }).prefault({}),
  costs: z.strictObject({
    setupPerArea: unitCostSchema.optional(),
    supervisionPerAreaWeek: unitCostSchema.optional(),
  }).prefault({}),
}).superRefine((v, ctx) => {
  if (v.effects.diversion.dist !== "fixed" || v.effects.diversion.value !== 0) {
    ctx.addIssue({ code: "custom", path: ["effects", "diversion"], message: "a public law intervention meets cases already in court: diversion must be { dist: fixed, value: 0 }" });
  }
  const seen = new Set<string>();
  v.where.sites.forEach((s, i) => {
    if (seen.has(s.area)) ctx.addIssue({ code: "custom", path: ["where", "sites", i, "area"], message: `area "${s.area}" is listed twice` });
    seen.add(s.area);
  });
  v.where.rollout.areas.forEach((a, i) => {
    if (seen.has(a)) ctx.addIssue({ code: "custom", path: ["where", "rollout", "areas", i], message: `area "${a}" is already a site` });
  });
});

export type Intervention = z.output<typeof interventionSchema>;
