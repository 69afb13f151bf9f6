import type { ForecastSummary, RowSummary } from "../experiment/index.js";
import { bandCaption } from "./band-caption.js";
import { band, fmt } from "./number-format.js";
import { plusText } from "./plus-text.js";
import { textTable } from "./text-table.js";
import { wrapText } from "./wrap-text.js";

const NAME_WIDTH = 22;

/** The forecast summary as plain text that fits a 100-column terminal: a national headline, then one row per area. */
export function forecastText(s: ForecastSummary): string {
  const start = s.warmupWeeks > 0 ? `from empty after a ${s.warmupWeeks}-week warm-up` : "from today's backlog";
  return [
    ...wrapText(`hubsim forecast: ${s.scenario}, ${s.horizonWeeks} weeks from ${s.startDate} (${start}); ${s.replications} replications, seed ${s.seed}`),
    "",
    ...wrapText(`England: cases held in hubs and awaiting allocation outside them, ${bandCaption(s.bandContent.words)}; peak: the mean of each replication's peak.`),
    ...headline(s.national, s.horizonWeeks),
    "",
    ...wrapText(`By area: hub at end is the ${bandCaption(s.bandContent.words)}; ` +
      "other columns are means: hub wait (time held in a hub) and alloc wait (time to allocation outside a hub) in weeks, " +
      "awaiting = cases waiting for allocation at the end, % ≥cap = long-term FCAs at or above their cap."),
    areaTable(s),
    ...(s.plus === undefined ? [] : ["", plusText(s.plus.rows, s.bandContent.words)]),
    "",
    `Nothing lost: ${fmt(s.conservationChecks)} weekly checks of referred ${s.plus === undefined ? "" : "+ Plus under way "}= closed + allocated + in hub + awaiting all passed.`,
  ].join("\n");
}

function headline(n: RowSummary, horizon: number): string[] {
  const m = n.metrics, end = n.awaiting.at(-1)!;
  const cells = (at: RowSummary["hubBacklog"]): string[] => at.map((b) => band(b.median, b.p5, b.p95));
  const counts = textTable(
    ["England", ...n.hubBacklog.map((b) => (b.week === horizon ? `week ${b.week} (end)` : `week ${b.week}`)), "peak (mean)"],
    [["in hubs", ...cells(n.hubBacklog), fmt(m.peak_hub_backlog.mean)], ["awaiting", ...cells(n.awaiting), fmt(m.peak_awaiting.mean)]],
    ["left", ...n.hubBacklog.map(() => "right" as const), "right"],
  );
  return [
    counts,
    "",
    ...wrapText(`Hub wait (time held in a hub): ${fmt(m.hub_wait_mean_weeks.mean, 1)} weeks on average, 90th centile ${fmt(m.hub_wait_p90_weeks.mean, 1)}; ` +
      `forced allocations ${fmt(m.forced_allocations.mean)}.`),
    ...wrapText(`Waiting for allocation outside hubs: ${fmt(end.median)} at the end (90% band ${fmt(end.p5)}–${fmt(end.p95)}); ` +
      `time to allocation ${fmt(m.allocation_wait_mean_weeks.mean, 2)} weeks on average, 90th centile ${fmt(m.allocation_wait_p90_weeks.mean, 2)}; ` +
      `${fmt(m.waited_over_12_weeks.mean)} cases waited 12 weeks or more (${fmt(m.awaiting_case_weeks.mean)} case-weeks waiting in all); ` +
      `${fmt(m.duty_allocations.mean)} allocated over the limit after the longest hold on duty.`),
    ...wrapText(`Long-term caseload ${fmt(m.avg_caseload.mean, 1)}; ${fmt(m.pct_fcas_over_cap.mean, 1)}% of long-term FCAs at or above their cap; ` +
      `vacancies ${fmt(m.vacancy_pct.mean, 1)}%; sickness ${fmt(m.sickness_pct.mean, 1)}%; ${fmt(m.protocol_weeks_active.mean)} area-weeks with a hub open.`),
    ...wrapText(`Children: ${fmt(m.children_open_mean.mean)} in open cases on average, ${fmt(m.children_public_mean.mean)} of them in public law proceedings; ` +
      `${fmt(m.public_over_26_weeks_pct.mean, 1)}% of public law proceedings ending in the run lasted over 26 weeks (mean ${fmt(m.public_duration_mean_weeks.mean, 1)} weeks).`),
  ];
}

function areaTable(s: ForecastSummary): string {
  const header = ["area", "hub at end", "hub wait", "forced", "awaiting", "alloc wait", "caseload", "% ≥cap"];
  const rows = s.areas.map((r) => {
    const m = r.metrics, end = r.hubBacklog.at(-1)!;
    return [
      shorten(r.name), band(end.median, end.p5, end.p95), fmt(m.hub_wait_mean_weeks.mean, 1), fmt(m.forced_allocations.mean),
      fmt(m.awaiting_end.mean), fmt(m.allocation_wait_mean_weeks.mean, 2), fmt(m.avg_caseload.mean, 1), fmt(m.pct_fcas_over_cap.mean, 0),
    ];
  });
  return textTable(header, rows, header.map((_, i) => (i === 0 ? "left" : "right")));
}

function shorten(name: string): string {
  return name.length <= NAME_WIDTH ? name : `${name.slice(0, NAME_WIDTH - 1)}…`;
}
