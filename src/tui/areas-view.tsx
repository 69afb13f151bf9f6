import { fmt, sparkline } from "../report/index.js";
import { Block } from "./block.js";
import { usePaint } from "./theme.js";
import type { AreaRow, AreaSort } from "./view-model.js";

const COLUMNS: readonly { readonly sort: AreaSort; readonly title: string; readonly width: number }[] = [
  { sort: "protocol", title: "protocol", width: 9 },
  { sort: "hubNow", title: "hub now", width: 8 },
  { sort: "hubPeak", title: "peak", width: 7 },
  { sort: "hubEnd", title: "end", width: 7 },
  { sort: "waitWeeks", title: "wait", width: 6 },
  { sort: "caseload", title: "caseld", width: 7 },
  { sort: "overCapPct", title: ">cap%", width: 6 },
];

/**
 * The Areas table: protocol state, hub backlog now, at its peak and at the end (medians), mean
 * hub wait, caseload, share over cap and a sparkline of the hub backlog; the sorted column is
 * marked, the selected row pointed at, and the rows scroll to keep it in view.
 */
export function AreasView({ rows, selected, sort, reverse, width, height }: { readonly rows: readonly AreaRow[]; readonly selected: number; readonly sort: AreaSort; readonly reverse: boolean; readonly width: number; readonly height: number }) {
  const paint = usePaint();
  const fixed = COLUMNS.reduce((s, c) => s + c.width, 0);
  const spark = Math.max(6, Math.min(24, Math.floor((width - fixed - 2) / 3)));
  const nameWidth = Math.max(8, width - fixed - spark - 4);
  const visible = Math.max(1, height - 2), first = Math.min(Math.max(0, selected - visible + 1), Math.max(0, rows.length - visible));
  const title = (t: string, s: AreaSort): string => (s === sort ? `${t}${reverse ? "↑" : "↓"}` : t);
  const protocolColour = { active: paint.red, possible: paint.yellow, off: (s: string) => s } as const;
  const lines = [
    paint.bold(`  ${title("area", "name").padEnd(nameWidth)}${COLUMNS.map((c) => title(c.title, c.sort).padStart(c.width)).join("")}  ${spark >= 11 ? "hub backlog" : "backlog"}`),
    ...rows.slice(first, first + visible).map((r, i) => {
      const at = first + i;
      const name = r.name.length > nameWidth - 1 ? `${r.name.slice(0, nameWidth - 2)}…` : r.name;
      const numbers = [fmt(r.hubNow), fmt(r.hubPeak), fmt(r.hubEnd), fmt(r.waitWeeks, 1), fmt(r.caseload, 1), fmt(r.overCapPct, 0)];
      const text = `${at === selected ? "› " : "  "}${name.padEnd(nameWidth)}${protocolColour[r.protocol](r.protocol.padStart(COLUMNS[0]!.width))}`
        + `${numbers.map((n, k) => n.padStart(COLUMNS[k + 1]!.width)).join("")}  ${paint.yellow(sparkline(r.hubMedians, spark, { min: 0, max: Math.max(1, r.hubPeak) }))}`;
      return at === selected ? paint.inverse(text) : text;
    }),
    paint.dim(`${rows.length > visible ? `rows ${first + 1}–${Math.min(rows.length, first + visible)} of ${rows.length}; ` : ""}hub backlog: medians across replications; wait, caseload and >cap%: means`),
  ];
  return <Block lines={lines} width={width} />;
}
