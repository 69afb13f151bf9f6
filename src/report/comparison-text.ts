import { BAND_CONTENT_WORDS, type Comparison } from "../experiment/index.js";
import { csvText } from "./csv-line.js";
import { metricDecimals, metricLabel } from "./metric-labels.js";
import { fmt } from "./number-format.js";
import { textTable } from "./text-table.js";

/** A comparison as a text table: each scenario's mean, and each difference from the first with its 95% CI. */
export function comparisonText(c: Comparison): string {
  const [first, ...others] = c.scenarios;
  const header = ["measure (national)", ...c.scenarios.map((s) => `${s} mean`), ...others.map((s) => `${s} − ${first} (95% CI)`)];
  const rows = c.rows.map((row) => {
    const k = metricDecimals(row.metric);
    return [
      metricLabel(row.metric),
      ...row.cells.map((cell) => fmt(cell.mean, k)),
      ...row.cells.slice(1).map((cell) => {
        const d = cell.difference!;
        return `${fmt(d.mean, k)} (${fmt(d.lower, k)} to ${fmt(d.upper, k)})${d.significant ? " *" : ""}`;
      }),
    ];
  });
  return [
    `hubsim compare: ${c.scenarios.join(" vs ")}; ${c.replications} replications each on common random numbers, seed ${c.seed}`,
    "",
    textTable(header, rows, header.map((_, i) => (i === 0 ? "left" : "right"))),
    "",
    "* the 95% confidence interval of the paired difference excludes zero.",
    `Means and intervals are across replications holding ${BAND_CONTENT_WORDS[c.bandContent]}.`,
  ].join("\n");
}

/** A comparison as tidy CSV: one row per measure and scenario. */
export function comparisonCsv(c: Comparison): string {
  const lines = ["metric,scenario,mean,difference,lower,upper,pairs,significant,band_content"];
  const n = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? "" : String(Math.round(x * 1e4) / 1e4));
  for (const row of c.rows) {
    for (const cell of row.cells) {
      const d = cell.difference;
      lines.push([row.metric, csvText(cell.scenario), n(cell.mean), n(d?.mean), n(d?.lower), n(d?.upper), d?.pairs ?? "", d === undefined ? "" : String(d.significant), c.bandContent].join(","));
    }
  }
  return lines.join("\n") + "\n";
}
