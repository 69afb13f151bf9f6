import { z } from "zod";
import { pounds, share } from "./common.js";
import { financialYear } from "./intervention-schema.js";

/** The unit costs below that are money (not shares or rates), by path. */
export const COST_PATHS = [
  "cafcass.fcaHour", "cafcass.setupPerArea", "cafcass.supervisionPerAreaWeek", "hmcts.perProceedings",
  "legalAid.perProceedings", "legalAid.perExpertReport", "localAuthority.perCaseWeek", "placements.fosterWeek",
] as const;

/** A discount rate that applies from a year of the appraisal onwards. */
const discountStepSchema = z.strictObject({ fromYear: z.number().int().min(0).max(1000), rate: z.number().finite().min(0).max(0.5) });

/**
 * Unit costs for appraisals, by payer (calibration §6, §8.7; 2024-25 prices), and the discount
 * schedule (Green Book: 3.5% for years 0–30, 3.0% to year 75, 2.5% after).
 */
export const costsSchema = z.strictObject({
  /** The price year of the appraisal: every unit cost is uprated to it with the GDP deflators. */
  priceYear: financialYear.default("2024-25"),
  /**
   * The financial year a unit cost below is stated in, where it is not the price year (§8.7 gives its
   * defaults in 2024-25 prices; a scenario that enters, say, the c.2009 expert fee as found says so here).
   */
  sourceYears: z.partialRecord(z.enum(COST_PATHS), financialYear).default({}),
  cafcass: z.strictObject({
    /** Fully loaded cost of one hour of FCA casework (§8.7: £92k a year ≈ £80 an hour). */
    fcaHour: pounds.default(80),
    /** One-off set-up cost per area going live (training, local agreements) [assumed]. */
    setupPerArea: pounds.default(25_000),
    /** Management and supervision per live area per week [assumed]. */
    supervisionPerAreaWeek: pounds.default(180),
  }).prefault({}),
  hmcts: z.strictObject({
    /** Court cost of one set of care proceedings (§8.7: £5,000, £4–6k). */
    perProceedings: pounds.default(5_000),
  }).prefault({}),
  legalAid: z.strictObject({
    /** Legal aid per public law case (§8.7: £12,000, £8–15k). */
    perProceedings: pounds.default(12_000),
    /** One expert report (§8.7: £6,000 per care case; assumed two reports a case). */
    perExpertReport: pounds.default(3_000),
  }).prefault({}),
  localAuthority: z.strictObject({
    /** Local authority cost of proceedings per case-week (§8.7: £697). */
    perCaseWeek: pounds.default(697),
  }).prefault({}),
  placements: z.strictObject({
    /** Foster care per child-week (§8.7: £650, £600–900). */
    fosterWeek: pounds.default(650),
    /** Share of the foster-cost difference counted as saving (§8.6: 25%, diversion often means kinship care). */
    savingShare: share.default(0.25),
  }).prefault({}),
  discount: z.array(discountStepSchema).min(1).max(10).default([{ fromYear: 0, rate: 0.035 }, { fromYear: 30, rate: 0.03 }, { fromYear: 75, rate: 0.025 }])
    .refine((d) => d[0]!.fromYear === 0 && d.every((s, i) => i === 0 || s.fromYear > d[i - 1]!.fromYear), { message: "steps must start at year 0 and increase" }),
});

export type Costs = z.output<typeof costsSchema>;
