import { fmt, sparkline } from "../report/index.js";
import { Block } from "./block.js";
import { usePaint } from "./theme.js";
import type { AreaRow, AreaSort } from "./view-model.js";

type NumberSort = Exclude<AreaSort, "name" | "protocol">;

/** The numeric columns, in groups: what is in the hubs, then what awaits allocation outside them. */
const GROUPS: readonly { readonly title: string; readonly columns: readonly { readonly sort: NumberSort; readonly title: string; readonly width: number; readonly decimals: number }[] }[] = [
  { title: "in hubs", columns: [{ sort: "hubNow", title: "now", width: 5, decimals: 0 }, { sort: "hubPeak", title: "peak", width: 6, decimals: 0 }, { sort: "hubEnd", title: "end", width: 6, decimals: 0 }, { sort: "waitWeeks", title: "wait", width: 6, decimals: 1 }] },
  { title: "awaiting", columns: [{ sort: "awaitingEnd", title: "end", width: 7, decimals: 0 }, { sort: "allocationWeeks", title: "wait", width: 6, decimals: 2 }] },
  { title: "", columns: [{ sort: "caseload", title: "caseld", width: 7, decimals: 1 }, { sort: "overCapPct", title: "≥cap%", width: 6, decimals: 0 }] },
];
const COLUMNS = GROUPS.flatMap((g) => g.columns);
const PROTOCOL = 9;

/** A group's title centred in a rule over its columns: " ─── in hubs ───". */
function groupTitle(title: string, width: number): string {
  if (title === "") return " ".repeat(width);
  const fill = Math.max(0, width - 1 - title.length - 2), left = Math.floor(fill / 2);
  return ` ${"─".repeat(left)} ${title} ${"─".repeat(fill - left)}`;
}

/**
 * The Areas table: protocol state; in the hubs, the backlog now, at its peak and at the end
 * (medians) and the mean hub wait; outside them, the cases awaiting allocation at the end
 * (median) and the mean time to allocation; caseload, share at or over the cap and a sparkline of
 * the hub backlog. The sorted column is marked, the selected row pointed at, and the rows scroll.
 */
export function AreasView({ rows, selected, sort, reverse, width, height }: { readonly rows: readonly AreaRow[]; readonly selected: number; readonly sort: AreaSort; readonly reverse: boolean; readonly width: number; readonly height: number }) {
  const paint = usePaint();
  const fixed = PROTOCOL + COLUMNS.reduce((s, c) => s + c.width, 0);
  const spark = Math.max(6, Math.min(24, Math.floor((width - fixed - 2) / 3)));
  const nameWidth = Math.max(8, width - fixed - Math.max(spark, 7) - 3);
  const visible = Math.max(1, height - 3), first = Math.min(Math.max(0, selected - visible + 1), Math.max(0, rows.length - visible));
  const title = (t: string, s: AreaSort): string => (s === sort ? `${t}${reverse ? "↑" : "↓"}` : t);
  const protocolColour = { active: paint.red, possible: paint.yellow, off: (s: string) => s } as const;
  const lines = [
    paint.bold(`  ${" ".repeat(nameWidth + PROTOCOL)}${GROUPS.map((g) => groupTitle(g.title, g.columns.reduce((s, c) => s + c.width, 0))).join("")}`),
    paint.bold(`  ${title("area", "name").padEnd(nameWidth)}${title("protocol", "protocol").padStart(PROTOCOL)}${COLUMNS.map((c) => title(c.title, c.sort).padStart(c.width)).join("")} ${spark >= 11 ? "hub backlog" : "backlog"}`),
    ...rows.slice(first, first + visible).map((r, i) => {
      const at = first + i;
      const name = r.name.length > nameWidth - 1 ? `${r.name.slice(0, nameWidth - 2)}…` : r.name;
      const text = `${at === selected ? "› " : "  "}${name.padEnd(nameWidth)}${protocolColour[r.protocol](r.protocol.padStart(PROTOCOL))}`
        + `${COLUMNS.map((c) => fmt(r[c.sort], c.decimals).padStart(c.width)).join("")} ${paint.yellow(sparkline(r.hubMedians, spark, { min: 0, max: Math.max(1, r.hubPeak) }))}`;
      return at === selected ? paint.inverse(text) : text;
    }),
    paint.dim(`${rows.length > visible ? `rows ${first + 1}–${Math.min(rows.length, first + visible)} of ${rows.length}; ` : ""}cases: medians across replications; waits (weeks), caseload, ≥cap%: means`),
  ];
  return <Block lines={lines} width={width} />;
}
