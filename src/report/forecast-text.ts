import type { ForecastSummary, RowSummary } from "../experiment/index.js";
import { band, fmt } from "./number-format.js";
import { textTable } from "./text-table.js";

/** The forecast summary as plain text: national headline, then one row per area. */
export function forecastText(s: ForecastSummary): string {
  const start = s.warmupWeeks > 0 ? `from empty with a ${s.warmupWeeks}-week warm-up` : "from today's backlog";
  const weeks = s.national.hubBacklog.map((b) => b.week);
  const header = ["area", ...weeks.map((w) => (w === s.horizonWeeks ? `hub wk ${w} (end)` : `hub wk ${w}`)), "wait wks", "p90 wait", "forced", "caseload", "% >cap", "sick %", "protocol wks"];
  const line = (r: RowSummary): string[] => {
    const m = r.metrics;
    return [
      r.name,
      ...r.hubBacklog.map((b) => band(b.median, b.p5, b.p95)),
      fmt(m.hub_wait_mean_weeks.mean, 1), fmt(m.hub_wait_p90_weeks.mean, 1), fmt(m.forced_allocations.mean),
      fmt(m.avg_caseload.mean, 1), fmt(m.pct_fcas_over_cap.mean, 1), fmt(m.sickness_pct.mean, 1), fmt(m.protocol_weeks_active.mean),
    ];
  };
  const align = header.map((_, i): "left" | "right" => (i === 0 ? "left" : "right"));
  return [
    `hubsim forecast: ${s.scenario}, ${s.horizonWeeks} weeks from ${s.startDate} (${start}); ${s.replications} replications, seed ${s.seed}`,
    "Hub backlog: median (90% band) across replications. Other columns: means across replications.",
    "",
    textTable(header, [line(s.national), ...s.areas.map(line)], align),
    "",
    `Nothing lost: ${fmt(s.conservationChecks)} weekly checks of referred = closed + allocated + in hub + awaiting all passed.`,
  ].join("\n");
}
