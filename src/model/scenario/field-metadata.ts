/**
 * What the reports, the TUI and the appraisal say about scenario fields, in one table: a field's
 * label, where its value comes from (calibration.md's section; [A] = assumption), how the TUI steps
 * it, and the range a sensitivity analysis varies it over. A test checks every path against the schema.
 */
/** A plausible range for a field and where the range comes from. */
export interface FieldRange {
  readonly low: number;
  readonly high: number;
  readonly source: string;
}

/** What is said about one scenario field. */
export interface FieldMeta {
  /** As a report names it. */
  readonly label: string;
  /** As the TUI's narrow lever column names it (default: the label). */
  readonly short?: string;
  /** Where its value comes from: calibration.md's section, [A] = assumption. */
  readonly source: string;
  /** Change per key press in the TUI, and decimals shown. */
  readonly step?: number;
  readonly decimals?: number;
  /** The range one-way sensitivity varies it over. */
  readonly range?: FieldRange;
}

// £80–110k a year per FTE against the default £92k ≈ £80 an hour (§8.7).
const fcaHourAt = (perYear: number): number => Math.round((80 * perYear) / 92_000 * 100) / 100;
const ASSUMED_HALF_TO_DOUBLE = "assumed: half to double the default";

/** Every scenario field a report lists, the TUI steps or the appraisal varies, by path. */
export const FIELDS = {
  "national.demand.multiplier": { label: "demand lever", short: "Demand multiplier", source: "planner's lever", step: 0.05, decimals: 2 },
  "national.demand.trendPerYear": { label: "demand trend a year", source: "§8.1" },
  "national.caseMix.privateFurtherWorkShare": { label: "private cases needing further work", source: "§8.2 [A]" },
  "national.caseMix.furtherWorkUrgentShare": { label: "further work that is urgent (P2)", source: "§8.2 [A]" },
  "national.durations.public.meanWeeks": { label: "public law duration, mean weeks", source: "§8.3" },
  "national.durations.wtfhWeeks": { label: "work to first hearing, weeks", source: "§8.3" },
  "national.durations.furtherWork.meanWeeks": { label: "further work, mean weeks", source: "§8.3 [A]" },
  "national.durations.filingWeeks": { label: "s7 filing timescale, weeks", source: "§8.3" },
  "national.workforce.fteMultiplier": { label: "FTE lever", short: "FCA FTE multiplier", source: "planner's lever", step: 0.05, decimals: 2 },
  "national.workforce.longTermCap": { label: "long-term caseload cap", source: "§8.4, §3.2" },
  "national.workforce.shortTermCap": { label: "short-term caseload cap", source: "§8.4" },
  "national.workforce.allocation.policy": { label: "who gets a case: a team FCA with room (team) or the roomiest in the area", source: "domain.md, seed 002" },
  "national.workforce.allocation.teamSize": { label: "long-term FCAs per team", source: "§1.6 [A]" },
  "national.workforce.allocation.urgentLimitShare": { label: "P1/P2 may take an FCA up to this multiple of the cap", source: "§3.2 [A]" },
  "national.workforce.allocation.lessUrgentLimitShare": { label: "P3/P4 (and hub releases) only up to this multiple of the cap; beyond it they wait", source: "[A]" },
  "national.workforce.allocation.balance": { label: "how far the choice within a team favours FCAs with more room", source: "[A]" },
  "national.workforce.allocation.capacitySpread": { label: "CV of each FCA's own cap around the team cap", source: "§3.2 [A]" },
  "national.workforce.sickness.multiplier": { label: "sickness lever", short: "Sickness multiplier", source: "planner's lever", step: 0.1, decimals: 1 },
  "national.workforce.sickness.shortPerFteYear": { label: "short sickness episodes a year", source: "§8.4, §3.3 (tuned to 5.5%)" },
  "national.workforce.sickness.longPerFteYear": { label: "long sickness episodes a year", source: "§8.4 [A]" },
  "national.workforce.attrition.perYear": { label: "attrition a year", source: "§8.4, §3.4" },
  "national.workforce.recruitment.delayWeeks": { label: "recruitment: mean weeks from vacancy to start", short: "Recruitment: mean weeks to fill", source: "§8.4, §3.4 [A]", step: 1 },
  "national.workforce.recruitment.delayCv": { label: "recruitment: CV of the time to fill", source: "[A]" },
  "national.workforce.recruitment.maxHiresPerYear": { label: "recruitment: most starters a year, share of posts", source: "[A]" },
  "national.workforce.agency.share": { label: "agency FTE, share of each area's FTE", source: "§8.4" },
  "national.workforce.agency.startWeeks.min": { label: "agency FCAs arrive from this many weeks…", source: "§8.4" },
  "national.workforce.agency.startWeeks.max": { label: "…to this many weeks after the start", source: "§8.4" },
  "horizonWeeks": { label: "horizon, weeks", short: "Horizon, weeks", source: "run setting", step: 13 },
  "run.replications": { label: "replications", short: "Replications", source: "run setting", step: 1 },
  "run.seed": { label: "random seed", short: "Seed", source: "run setting", step: 1 },
  "protocol.enabled": { label: "prioritisation protocol on", short: "Protocol in use", source: "§4" },
  "protocol.trigger": { label: "trigger watches: unallocated work (unallocated) or open cases ÷ baseline (open-cases)", short: "Trigger measure", source: "seed 002; §8.5" },
  "protocol.triggerUnallocatedWeeks": { label: "trigger: unallocated + hub cases, weeks of allocation capacity", short: "Trigger: unallocated, wks ≥", source: "[A]", step: 0.25, decimals: 2 },
  "protocol.triggerRatio": { label: "trigger (open-cases): open cases ÷ baseline", short: "Trigger: open ÷ baseline ≥", source: "§8.5", step: 0.05, decimals: 2 },
  "protocol.triggerWeeks": { label: "trigger: consecutive weeks", short: "  for weeks", source: "§8.5", step: 1 },
  "protocol.triggerAverageCaseload": { label: "trigger: average long-term caseload above", short: "  and average caseload >", source: "§8.5 [A]", step: 0.5, decimals: 1 },
  "protocol.triggerShareOverCap": { label: "trigger: or share of long-term FCAs at or above the cap above", short: "  or share over cap >", source: "§3.2, §8.5 [A]", step: 0.05, decimals: 2 },
  "protocol.leadInWeeks": { label: "lead-in, weeks", short: "Lead-in weeks", source: "§8.5, §4.1", step: 1 },
  "protocol.maxHoldWeeks": { label: "maximum hold in the hub, weeks", short: "Maximum hold, weeks", source: "§8.5, §4.1", step: 1 },
  "protocol.filingMarginWeeks": { label: "allocate before filing, weeks", short: "Filing margin, weeks", source: "§8.5, §4.1", step: 1 },
  "protocol.extendedFilingWeeks": { label: "extended filing timescale under prioritisation, weeks", short: "Extended filing, weeks", source: "§8.5", step: 1 },
  "protocol.releaseUnallocatedWeeks": { label: "release: unallocated + hub cases at or below, weeks of capacity", short: "Release: unallocated, wks ≤", source: "[A]", step: 0.25, decimals: 2 },
  "protocol.releaseRatio": { label: "release (open-cases): open cases ÷ baseline", short: "Release: open ÷ baseline ≤", source: "§8.5 [A]", step: 0.05, decimals: 2 },
  "protocol.releaseAverageCaseload": { label: "release: average long-term caseload at or below", short: "  and average caseload ≤", source: "§8.5 [A]", step: 0.5, decimals: 1 },
  "protocol.releaseWeeks": { label: "release: consecutive weeks", short: "  for weeks", source: "§8.5 [A]", step: 1 },
  "protocol.windDownWeeks": { label: "wind-down after release, weeks", short: "Wind-down weeks", source: "§8.5", step: 1 },
  "cafcassPlus.effects.diversionUplift": { label: "diversion uplift with Plus", source: "§8.6", range: { low: 0, high: 0.17, source: "§8.6 pessimistic +0 points; optimistic 42% vs 25% national (+17)" } },
  "cafcassPlus.effects.durationReductionWeeks": { label: "duration cut in later proceedings (weeks)", source: "§8.6", range: { low: 0, high: 8, source: "§8.6: 0 to −8 weeks" } },
  "cafcassPlus.effects.guardianHoursReduction": { label: "guardian hours saved in later proceedings", source: "§8.6", range: { low: 0, high: 0.2, source: "§8.6: 0 to −20%" } },
  "cafcassPlus.effects.expertReportsReduction": { label: "expert reports avoided per case", source: "§8.6", range: { low: 0, high: 0.5, source: "§8.6: 0 to −0.5" } },
  "cafcassPlus.fcaHoursPerCase": { label: "FCA hours per Plus case", source: "§8.6", range: { low: 12, high: 35, source: "§8.6: 12–35 (not published)" } },
  "cafcassPlus.baselineDiversion": { label: "baseline diversion", source: "§8.6", range: { low: 0.2, high: 0.37, source: "§8.6: 20–37% (national 25%, C&W comparators 36.7%)" } },
  "cafcassPlus.eligibleShare": { label: "eligible share of newborn proceedings", source: "§8.6", range: { low: 0.4, high: 0.8, source: "§8.6: 40–80%" } },
  "costs.cafcass.fcaHour": { label: "FCA hour (£)", source: "§8.7", range: { low: fcaHourAt(80_000), high: fcaHourAt(110_000), source: "§8.7: £80–110k a year per FTE" } },
  "costs.cafcass.setupPerArea": { label: "set-up per area (£)", source: "[A]", range: { low: 12_500, high: 50_000, source: ASSUMED_HALF_TO_DOUBLE } },
  "costs.cafcass.supervisionPerAreaWeek": { label: "supervision per area-week (£)", source: "[A]", range: { low: 90, high: 360, source: ASSUMED_HALF_TO_DOUBLE } },
  "costs.hmcts.perProceedings": { label: "court per proceedings (£)", source: "§8.7", range: { low: 4_000, high: 6_000, source: "§8.7: £4–6k" } },
  "costs.legalAid.perProceedings": { label: "legal aid per proceedings (£)", source: "§8.7", range: { low: 8_000, high: 15_000, source: "§8.7: £8–15k" } },
  "costs.legalAid.perExpertReport": { label: "expert report (£)", source: "§8.7", range: { low: 1_000, high: 15_000, source: "§8.7: £2–30k per case, two reports a case" } },
  "costs.localAuthority.perCaseWeek": { label: "local authority per case-week (£)", source: "§8.7", range: { low: 523, high: 871, source: "§8.7 gives £697 with no range: ±25% assumed" } },
  "costs.placements.fosterWeek": { label: "foster care per week (£)", source: "§8.7", range: { low: 600, high: 900, source: "§8.7: £600–900" } },
  "costs.placements.savingShare": { label: "share of foster saving counted", source: "§8.6", range: { low: 0, high: 0.5, source: "§8.6 advises 25%; 0–50% assumed" } },
  "costs.discount": { label: "discount rate (flat)", source: "§6.5", range: { low: 0.015, high: 0.05, source: "§6.5: 1.5% (health) to 5% (assumed); default 3.5% declining" } },
} as const satisfies Readonly<Record<string, FieldMeta>>;

/** A scenario field the table describes. */
export type FieldPath = keyof typeof FIELDS;

/** A field the table gives a sensitivity range. */
export type RangedFieldPath = { [K in FieldPath]: (typeof FIELDS)[K] extends { readonly range: FieldRange } ? K : never }[FieldPath];

/** What is said about a field. */
export function fieldMeta(path: FieldPath): FieldMeta {
  return FIELDS[path];
}

/** The fields a report's parameter table lists, in the order a reader meets them. */
export const REPORTED_FIELDS: readonly FieldPath[] = [
  "national.demand.multiplier", "national.demand.trendPerYear", "national.caseMix.privateFurtherWorkShare", "national.caseMix.furtherWorkUrgentShare",
  "national.durations.public.meanWeeks", "national.durations.wtfhWeeks", "national.durations.furtherWork.meanWeeks", "national.durations.filingWeeks",
  "national.workforce.fteMultiplier", "national.workforce.longTermCap", "national.workforce.shortTermCap", "national.workforce.allocation.policy",
  "national.workforce.allocation.teamSize", "national.workforce.allocation.urgentLimitShare", "national.workforce.allocation.lessUrgentLimitShare",
  "national.workforce.allocation.balance", "national.workforce.allocation.capacitySpread", "national.workforce.sickness.shortPerFteYear",
  "national.workforce.sickness.longPerFteYear", "national.workforce.attrition.perYear", "national.workforce.recruitment.delayWeeks",
  "national.workforce.recruitment.delayCv", "national.workforce.recruitment.maxHiresPerYear", "national.workforce.agency.share",
  "national.workforce.agency.startWeeks.min", "national.workforce.agency.startWeeks.max", "protocol.enabled", "protocol.trigger",
  "protocol.triggerUnallocatedWeeks", "protocol.triggerRatio", "protocol.triggerWeeks", "protocol.triggerAverageCaseload", "protocol.triggerShareOverCap",
  "protocol.leadInWeeks", "protocol.maxHoldWeeks", "protocol.filingMarginWeeks", "protocol.releaseUnallocatedWeeks", "protocol.releaseRatio", "protocol.releaseWeeks",
];
