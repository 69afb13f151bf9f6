import type { ForecastSummary, RowSummary } from "../experiment/index.js";
import { band, fmt } from "./number-format.js";
import { plusText } from "./plus-text.js";
import { textTable } from "./text-table.js";

const NAME_WIDTH = 28;

/** The forecast summary as plain text that fits a 100-column terminal: a national headline, then one row per area. */
export function forecastText(s: ForecastSummary): string {
  const start = s.warmupWeeks > 0 ? `from empty after a ${s.warmupWeeks}-week warm-up` : "from today's backlog";
  return [
    `hubsim forecast: ${s.scenario}, ${s.horizonWeeks} weeks from ${s.startDate} (${start}); ${s.replications} replications, seed ${s.seed}`,
    "",
    ...headline(s.national, s.horizonWeeks),
    "",
    "By area (hub backlog: median and 90% band across replications; other columns: means):",
    areaTable(s),
    ...(s.plus === undefined ? [] : ["", plusText(s.plus.rows)]),
    "",
    `Nothing lost: ${fmt(s.conservationChecks)} weekly checks of referred ${s.plus === undefined ? "" : "+ Plus under way "}= closed + allocated + in hub + awaiting all passed.`,
  ].join("\n");
}

function headline(n: RowSummary, horizon: number): string[] {
  const m = n.metrics;
  const backlog = textTable(
    ["England: hub backlog", ...n.hubBacklog.map((b) => (b.week === horizon ? `week ${b.week} (end)` : `week ${b.week}`)), "peak (mean)"],
    [["median (90% band)", ...n.hubBacklog.map((b) => band(b.median, b.p5, b.p95)), fmt(m.peak_hub_backlog.mean)]],
    ["left", ...n.hubBacklog.map(() => "right" as const), "right"],
  );
  return [
    backlog,
    "",
    `Hub wait ${fmt(m.hub_wait_mean_weeks.mean, 1)} weeks on average (90th centile ${fmt(m.hub_wait_p90_weeks.mean, 1)}); forced allocations ${fmt(m.forced_allocations.mean)}.`,
    `Long-term caseload ${fmt(m.avg_caseload.mean, 1)}; ${fmt(m.pct_fcas_over_cap.mean, 1)}% of FCAs over their cap; sickness ${fmt(m.sickness_pct.mean, 1)}%;`,
    `${fmt(m.protocol_weeks_active.mean)} area-weeks with a hub open.`,
  ];
}

function areaTable(s: ForecastSummary): string {
  const header = ["area", "hub at end", "peak", "wait wks", "p90 wait", "forced", "caseload", "% >cap", "sick %", "hub wks"];
  const rows = s.areas.map((r) => {
    const m = r.metrics, end = r.hubBacklog.at(-1)!;
    return [
      shorten(r.name), band(end.median, end.p5, end.p95), fmt(m.peak_hub_backlog.mean), fmt(m.hub_wait_mean_weeks.mean, 1), fmt(m.hub_wait_p90_weeks.mean, 1),
      fmt(m.forced_allocations.mean), fmt(m.avg_caseload.mean, 1), fmt(m.pct_fcas_over_cap.mean, 0), fmt(m.sickness_pct.mean, 1), fmt(m.protocol_weeks_active.mean),
    ];
  });
  return textTable(header, rows, header.map((_, i) => (i === 0 ? "left" : "right")));
}

function shorten(name: string): string {
  return name.length <= NAME_WIDTH ? name : `${name.slice(0, NAME_WIDTH - 1)}…`;
}
