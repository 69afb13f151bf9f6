import type { AppraisalSummary, Payer, ValueSpread } from "../experiment/index.js";
import { appraisalBandContent, appraisalBandWords, moneyConventions } from "./appraisal-conventions.js";
import { csvNumber, csvText } from "./csv-line.js";
import { metricLabel } from "./metric-labels.js";
import { fmt, money, percent } from "./number-format.js";
import { textTable } from "./text-table.js";

/** How each payer is named in reports. */
export const PAYER_LABELS: Readonly<Record<Payer | "total", string>> = {
  cafcass: "Cafcass", hmcts: "HMCTS (courts)", legalAid: "Legal Aid Agency", localAuthority: "local authorities", placements: "placements", total: "total",
};

const interval = (s: ValueSpread, f: (x: number) => string): string => `${f(s.p5)} to ${f(s.p95)}`;

/** The payers' table: header and one formatted row per payer, then the total. */
export function payerTable(s: AppraisalSummary): { header: string[]; rows: string[][] } {
  const header = ["payer", "upfront cost", "savings", "NPV mean (95% CI)", "NPV 90% interval"];
  const rows = s.payers.map((p) => [
    PAYER_LABELS[p.payer], money(p.costs.mean), money(p.savings.mean), `${money(p.npv.mean)} (${money(p.npv.lower)} to ${money(p.npv.upper)})`, interval(p.npv, money),
  ]);
  return { header, rows };
}

/** The appraised interventions in words: "Cafcass Plus + pre-cmh". */
export function interventionWords(names: readonly string[]): string {
  return names.map((n) => (n === "cafcass-plus" ? "Cafcass Plus" : n)).join(" + ");
}

/** How far money is counted, and the deflators behind the price year. */
export function runOffWords(s: AppraisalSummary): string {
  const span = s.appraisalWeeks > s.horizonWeeks
    ? `Money is counted for ${s.appraisalWeeks} weeks (${fmt(s.appraisalWeeks / (365.25 / 7), 1)} years): after the ${s.horizonWeeks}-week simulation, cases begun within it are followed to their end (run-off NPV ${money(s.runOffNpv.mean)}); nothing begun after it is counted.`
    : `Money is counted over ${s.appraisalWeeks} weeks, cases still open then cut off at the horizon.`;
  return `${span} Unit costs are uprated to ${s.priceYear} with ${s.deflators}.`;
}

/** The heading lines: what was appraised, how it was run, and the money conventions. */
export function appraisalHeading(s: AppraisalSummary): string[] {
  return [
    `hubsim appraise: ${interventionWords(s.interventions)} rolled out to ${s.areas.join("; ")} against do-nothing (${s.scenario})`,
    `${s.replications} replications on common random numbers (seed ${s.seed}): each replication's roll-out minus its do-nothing.`,
    moneyConventions(s.priceYear, s.discount, s.horizonWeeks),
    runOffWords(s),
    `The ${appraisalBandWords(s.posterior)}.`,
  ];
}

/** The headline sentences: BCR, P(net saving), break-even, cases diverted and cost per case diverted. */
export function appraisalHeadlines(s: AppraisalSummary): string[] {
  const saved = Math.round(s.pSaving.p * s.pSaving.n);
  return [
    `Benefit–cost ratio ${fmt(s.bcr.ratioOfMeans, 2)} (mean savings ÷ mean cost; replications' 90% interval ${interval(s.bcr.spread, (x) => fmt(x, 2))}).`,
    `P(net saving) ${percent(s.pSaving.p)} (95% CI ${percent(s.pSaving.lower)} to ${percent(s.pSaving.upper)}): ${saved} of ${s.pSaving.n} replications.`,
    `Break-even: ${s.breakEven.medianWeek === null ? "not within the appraisal" : `week ${fmt(s.breakEven.medianWeek)} of the run, ${fmt(s.breakEven.medianWeeksFromGoLive ?? NaN)} weeks after go-live`} (medians, counted from the scenario start and from the first roll-out area's go-live; ${percent(s.breakEven.share)} of replications break even within the appraisal).`,
    `Cases served in the horizon: ${fmt(s.served.mean)} (90% interval ${interval(s.served, (x) => fmt(x))}); missed for want of an allocated guardian: ${fmt(s.missed.mean)} (${percent(s.missed.mean / Math.max(1, s.served.mean + s.missed.mean))} of those due).`,
    `Extra cases diverted from court: ${fmt(s.extraDiverted.mean, 1)} (90% interval ${interval(s.extraDiverted, (x) => fmt(x, 1))}); cost per extra case diverted ${money(s.costPerCaseDiverted)} (undiscounted).`,
  ];
}

/** The capacity table: each measure's arm means and paired difference (* where its 95% CI excludes zero). */
export function capacityTable(s: AppraisalSummary): { header: string[]; rows: string[][] } {
  const rows = s.capacity.map((c) => {
    const d = c.difference, flag = d.lower > 0 || d.upper < 0 ? " *" : "";
    return [metricLabel(c.metric), fmt(c.doNothing, 1), fmt(c.rollOut, 1), d.pairs < 2 ? fmt(d.mean, 2) : `${fmt(d.mean, 2)} (${fmt(d.lower, 2)} to ${fmt(d.upper, 2)})${flag}`];
  });
  return { header: ["measure", "do-nothing", "roll-out", "difference (95% CI)"], rows };
}

/** The capacity section's caption. */
export const CAPACITY_CAPTION = "Capacity in the same runs (national means; difference roll-out − do-nothing with 95% CI, * where it excludes zero):";

/** The appraisal as text: payers' present values, then the headline ratios, then the capacity effects. */
export function appraisalText(s: AppraisalSummary): string {
  const payers = payerTable(s), capacity = capacityTable(s);
  return [
    ...appraisalHeading(s),
    "",
    textTable(payers.header, payers.rows, ["left", "right", "right", "right", "right"]),
    "",
    ...appraisalHeadlines(s),
    "",
    CAPACITY_CAPTION,
    textTable(capacity.header, capacity.rows, ["left", "right", "right", "right"]),
  ].join("\n");
}

/**
 * The appraisal as tidy CSV: one row per measure × payer with mean, 95% CI of the mean, 90%
 * interval of the replications and n; the unit column gives the price year of money.
 */
export function appraisalCsv(s: AppraisalSummary): string {
  const lines = ["measure,payer,unit,mean,lower,upper,p5,median,p95,n,band_content"];
  const pv = csvText(`GBP ${s.priceYear} present value`), band = appraisalBandContent(s.posterior);
  const spread = (measure: string, payer: string, unit: string, v: ValueSpread): void => {
    lines.push([measure, payer, unit, ...[v.mean, v.lower, v.upper, v.p5, v.median, v.p95].map(csvNumber), v.n, band].join(","));
  };
  const single = (measure: string, mean: number | null, lower?: number, upper?: number, n?: number, unit = ""): void => {
    lines.push([measure, "", unit, csvNumber(mean), csvNumber(lower), csvNumber(upper), "", "", "", n ?? s.replications, band].join(","));
  };
  for (const p of s.payers) for (const k of ["costs", "savings", "npv"] as const) spread(k, p.payer, pv, p[k]);
  single("bcr_ratio_of_means", s.bcr.ratioOfMeans);
  spread("bcr", "total", "", s.bcr.spread);
  single("p_net_saving", s.pSaving.p, s.pSaving.lower, s.pSaving.upper, s.pSaving.n);
  single("break_even_week_median", s.breakEven.medianWeek);
  single("break_even_share", s.breakEven.share);
  single("break_even_weeks_from_go_live_median", s.breakEven.medianWeeksFromGoLive);
  spread("run_off_npv", "total", pv, s.runOffNpv);
  spread("served", "", "cases", s.served);
  spread("missed_no_guardian", "", "cases", s.missed);
  spread("extra_diverted", "", "cases", s.extraDiverted);
  single("cost_per_case_diverted", s.costPerCaseDiverted, undefined, undefined, undefined, csvText(`GBP ${s.priceYear} undiscounted`));
  for (const c of s.capacity) {
    single(`${c.metric}_do_nothing`, c.doNothing);
    single(`${c.metric}_roll_out`, c.rollOut);
    single(`${c.metric}_difference`, c.difference.mean, c.difference.lower, c.difference.upper, c.difference.pairs);
  }
  return lines.join("\n") + "\n";
}
