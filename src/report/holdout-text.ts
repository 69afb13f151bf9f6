import { BAND_CONTENT_WORDS, compareWis, observationKey, type HoldoutScore } from "../experiment/index.js";
import { csvText } from "./csv-line.js";
import { fmt, observedDecimals as decimals, wholePercent as pct } from "./number-format.js";
import { textTable } from "./text-table.js";
import { wisVerdict } from "./wis-verdict.js";
import { wrapText } from "./wrap-text.js";

/** An interval score: whole numbers from 100, two decimals from 1, two significant figures below. */
const score = (x: number): string => (x >= 100 ? fmt(x, 0) : x >= 1 ? fmt(x, 2) : x.toPrecision(2));

/**
 * A hold-out back-test as text: the calibrated forecast's scores beside the fixed-input one's
 * (uncalibrated: the scenario's own values), measure by measure, then (when given) against the prior
 * predictive, then each held-out observation.
 */
export function holdoutText(calibrated: HoldoutScore, uncalibrated: HoldoutScore, title: string, prior?: HoldoutScore): string {
  const byGroup = new Map(uncalibrated.fits.map((f) => [f.group, f]));
  const fits = calibrated.fits.map((c) => {
    const u = byGroup.get(c.group)!;
    return [c.group, String(c.observations), `${pct(c.coverage50)} / ${pct(u.coverage50)}`, `${pct(c.coverage90)} / ${pct(u.coverage90)}`, `${score(c.wis)} / ${score(u.wis)}`, `${Number.isNaN(c.mape) ? "–" : `${fmt(c.mape, 1)}%`} / ${Number.isNaN(u.mape) ? "–" : `${fmt(u.mape, 1)}%`}`];
  });
  const uncal = new Map(uncalibrated.rows.map((r) => [observationKey(r), r]));
  const rows = calibrated.rows.map((r) => {
    const u = uncal.get(observationKey(r))!, k = decimals(r.metric);
    return [r.date, r.area ?? "England", r.metric, fmt(r.value, k), `${fmt(r.median, k)} (${fmt(r.p5, k)}–${fmt(r.p95, k)})`, r.in90 ? "yes" : "NO", `${fmt(u.median, k)} (${fmt(u.p5, k)}–${fmt(u.p95, k)})`, u.in90 ? "yes" : "NO"];
  });
  return [
    title,
    "",
    ...wrapText(`Held out: ${calibrated.rows.length} observations dated after ${calibrated.after}. Calibrated bands hold ${BAND_CONTENT_WORDS[calibrated.bandContent]}; fixed-input bands hold ${BAND_CONTENT_WORDS[uncalibrated.bandContent]}. National observations inside the 90% band: ${pct(calibrated.nationalCoverage90)} calibrated, ${pct(uncalibrated.nationalCoverage90)} with fixed inputs (50% band: ${pct(calibrated.nationalCoverage50)} and ${pct(uncalibrated.nationalCoverage50)}).`),
    "",
    textTable(["measure", "held out", "in 50% band", "in 90% band", "weighted interval score", "MAPE of median"], fits, ["left", "right", "right", "right", "right", "right"]),
    "(each cell: calibrated / fixed inputs; a lower interval score is better, in the measure's units)",
    ...wrapText(wisVerdict(compareWis(calibrated, uncalibrated), "fixed inputs")),
    ...(prior === undefined ? [] : ["", ...priorLines(calibrated, prior)]),
    "",
    textTable(["date", "area", "measure", "observed", "calibrated median (90%)", "in", "fixed-input median (90%)", "in"], rows, ["left", "left", "left", "right", "right", "left", "right", "left"]),
  ].join("\n");
}

/** The calibrated forecast against the prior predictive: did the fit improve on what the priors alone forecast? */
function priorLines(calibrated: HoldoutScore, prior: HoldoutScore): string[] {
  const byGroup = new Map(prior.fits.map((f) => [f.group, f]));
  const fits = calibrated.fits.map((c) => {
    const p = byGroup.get(c.group)!;
    return [c.group, `${pct(c.coverage50)} / ${pct(p.coverage50)}`, `${pct(c.coverage90)} / ${pct(p.coverage90)}`, `${score(c.wis)} / ${score(p.wis)}`];
  });
  return [
    ...wrapText(`Against the prior predictive (the same runs with each replication's uncertain inputs drawn from the priors, no calibration; its bands hold ${BAND_CONTENT_WORDS[prior.bandContent]}): national observations inside its 90% band ${pct(prior.nationalCoverage90)} (50%: ${pct(prior.nationalCoverage50)}). ${wisVerdict(compareWis(calibrated, prior), "prior predictive")}`),
    "",
    textTable(["measure", "in 50% band", "in 90% band", "weighted interval score"], fits, ["left", "right", "right", "right"]),
    "(each cell: calibrated / prior predictive)",
  ];
}

/** A hold-out back-test as tidy CSV: one row per held-out observation and forecast. */
export function holdoutCsv(scores: Readonly<Record<string, HoldoutScore>>): string {
  const lines = ["forecast,date,area,metric,observed,p5,p25,median,p75,p95,in50,in90,wis,band_content,source"];
  for (const [name, s] of Object.entries(scores)) {
    for (const r of s.rows) lines.push([name, r.date, csvText(r.area ?? "England"), r.metric, r.value, r.p5, r.p25, r.median, r.p75, r.p95, r.in50, r.in90, Math.round(r.wis * 1e4) / 1e4, s.bandContent, csvText(r.source)].join(","));
  }
  return lines.join("\n") + "\n";
}
