import type { DiversionRow } from "../experiment/index.js";
import { csvNumber, csvText } from "./csv-line.js";
import { fmt } from "./number-format.js";
import { textTable } from "./text-table.js";

const pct = (x: number): string => `${fmt(100 * x, 1)}%`;
const count = (x: number): string => fmt(x, Number.isInteger(x) ? 0 : 1);

/** The simulated diversion of each group against what was observed, as a table with a verdict per row. */
export function diversionText(rows: readonly DiversionRow[], title: string): string {
  const table = textTable(
    ["group", "observed", "simulated diverted: median (5–95%)", "decided (mean)", "share: median (5–95%)", "observed inside 5–95%"],
    rows.map((r) => {
      const o = r.group.observed;
      return [
        r.group.label, o.diverted === undefined ? `about ${pct(o.share)}` : `${o.diverted} of ${o.decided} (${pct(o.share)})`,
        `${count(r.diverted.median)} (${count(r.diverted.p5)}–${count(r.diverted.p95)})`, fmt(r.decided.mean, 1),
        `${pct(r.share.median)} (${pct(r.share.p5)}–${pct(r.share.p95)})`, r.observedInside ? "yes" : "NO",
      ];
    }),
    ["left", "right", "right", "right", "right", "left"],
  );
  return `${title}\n\n${table}\n\nCounts are compared where the pilot gave counts (the range of diverted cases), shares where it gave only a share.`;
}

/** The same rows as tidy CSV. */
export function diversionCsv(rows: readonly DiversionRow[]): string {
  const header = "group,observed_diverted,observed_decided,observed_share,diverted_median,diverted_p5,diverted_p95,decided_mean,share_median,share_p5,share_p95,observed_inside";
  const lines = rows.map((r) => {
    const o = r.group.observed;
    return [csvText(r.group.label), csvNumber(o.diverted), csvNumber(o.decided), ...[o.share, r.diverted.median, r.diverted.p5, r.diverted.p95, r.decided.mean, r.share.median, r.share.p5, r.share.p95].map(csvNumber), r.observedInside].join(",");
  });
  return [header, ...lines].join("\n") + "\n";
}
