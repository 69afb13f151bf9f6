import { extent } from "d3-array";
import type { LiveSnapshot } from "../experiment/index.js";
import type { WeeklyMetric } from "../model/index.js";
import { fmt, sparkline } from "../report/index.js";
import { fanChartLines, fanLegend } from "./fan-chart.js";
import { Block } from "./block.js";
import { usePaint } from "./theme.js";
import { fanOf, headlines, nationalRow, weekLabel } from "./view-model.js";
import { wrapParts } from "./wrap-parts.js";

/** The metrics the Overview's main chart can show (`m` cycles them). */
export const OVERVIEW_METRICS: readonly { readonly metric: WeeklyMetric; readonly title: string }[] = [
  { metric: "hub_backlog", title: "Hub backlog, England (cases held)" },
  { metric: "awaiting_allocation", title: "Awaiting allocation, England (cases waiting for an FCA outside the hubs)" },
  { metric: "open_cases", title: "Open cases, England" },
  { metric: "allocation_wait_mean_weeks", title: "Time to allocation, England (mean weeks, cases allocated that week)" },
  { metric: "hub_mean_age_weeks", title: "Time held in hubs, England (mean weeks)" },
  { metric: "avg_caseload", title: "Long-term caseload per FCA, England" },
  { metric: "fcas_absent", title: "FCAs absent (FTE), England" },
];

const LABEL = 12;

/**
 * The Overview: a national fan chart with what its bands hold, headline figures for unallocated
 * work, the hubs and caseloads, caseload and absence lines, and the areas with a hub open.
 */
export function OverviewView({ snapshot, width, height, metricIndex }: { readonly snapshot: LiveSnapshot; readonly width: number; readonly height: number; readonly metricIndex: number }) {
  const paint = usePaint();
  const f = snapshot.forecast, row = nationalRow(f), h = headlines(snapshot), chosen = OVERVIEW_METRICS[metricIndex]!;
  const lineWidth = Math.max(10, width - LABEL - 16);
  const line = (metric: WeeklyMetric, label: string, decimals: number): string => {
    const fan = fanOf(f, row, metric), [lo = NaN, hi = NaN] = extent(fan.p50);
    return `${label.padEnd(LABEL)}${paint.dim(fmt(lo, decimals).padStart(6))} ${paint.yellow(sparkline(fan.p50, lineWidth, { min: lo, max: hi }))} ${paint.dim(fmt(hi, decimals))}`;
  };
  const at = snapshot.done === 0 ? `week ${h.week + 1} so far` : weekLabel(f.scenario.startDate, h.week);
  const areas = (names: readonly string[]): string => (names.length === 0 ? "none" : names.map((n) => n.split(" ")[0]).join(", "));
  const figures = [
    ...wrapParts([`Awaiting allocation ${at}: ${paint.bold(fmt(h.awaiting[0]))} (${fmt(h.awaiting[1])}–${fmt(h.awaiting[2])})`, `time to allocation ${fmt(h.allocationWeeks, 2)} wks`, `${fmt(h.waitedOver12)} cases waited 12+ wks`], width, " · ", "  "),
    ...wrapParts([`Hub backlog ${at}: ${paint.bold(fmt(h.hubEnd[0]))} (${fmt(h.hubEnd[1])}–${fmt(h.hubEnd[2])})`, `peak ${fmt(h.hubPeak)}`, `hub wait ${fmt(h.waitWeeks, 1)} wks`, `forced ${fmt(h.forced)}`], width, " · ", "  "),
    ...wrapParts([`Caseload ${fmt(h.caseload, 1)}`, `${fmt(h.overCapPct, 0)}% of FCAs at or over the cap`, `sickness ${fmt(h.sicknessPct, 1)}%`, `${fmt(h.children)} children`, `${fmt(h.publicOver26Pct, 0)}% of public law over 26 wks`], width, " · ", "  "),
    line("avg_caseload", "Caseload", 1),
    line("fcas_absent", "FCAs absent", 0),
    `Hub open (${at}): ${paint.bold(areas(h.activeAreas))}${h.possibleAreas.length > 0 ? `; in some replications: ${areas(h.possibleAreas)}` : ""}`,
  ];
  const chartHeight = Math.max(4, height - 4 - figures.length);
  const lines = [
    paint.bold(chosen.title),
    fanLegend(paint, f.bandContent),
    ...fanChartLines(paint, fanOf(f, row, chosen.metric), f.shape.weeks, width, chartHeight, f.scenario.startDate),
    ...figures,
  ];
  return <Block lines={lines} width={width} />;
}
