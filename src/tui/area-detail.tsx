import type { LiveSnapshot } from "../experiment/index.js";
import { fmt } from "../report/index.js";
import { fanChartLines, fanLegend } from "./fan-chart.js";
import { Block } from "./block.js";
import { usePaint } from "./theme.js";
import { fanOf, lastKnownWeek, protocolLook, scalarMean } from "./view-model.js";

/** One area's charts: its hub backlog fan, long-term caseload fan and its headline figures. */
export function AreaDetail({ snapshot, area, width, height }: { readonly snapshot: LiveSnapshot; readonly area: number; readonly width: number; readonly height: number }) {
  const paint = usePaint();
  const f = snapshot.forecast, hub = fanOf(f, area, "hub_backlog"), last = Math.max(0, lastKnownWeek(hub));
  const chart = Math.max(3, Math.floor((height - 8) / 2)), start = f.scenario.startDate;
  const lines = [
    `${paint.bold(f.shape.areas[area]!)} · protocol ${protocolLook(f, area, last)} · hub wait ${fmt(scalarMean(f, area, "hub_wait_mean_weeks"), 1)} wks · forced ${fmt(scalarMean(f, area, "forced_allocations"))} · ${fmt(scalarMean(f, area, "protocol_weeks_active"))} hub-open weeks`,
    fanLegend(paint, f.bandContent),
    "Hub backlog (cases held)",
    ...fanChartLines(paint, hub, f.shape.weeks, width, chart, start),
    "Long-term caseload per FCA",
    ...fanChartLines(paint, fanOf(f, area, "avg_caseload"), f.shape.weeks, width, chart, start),
  ];
  return <Block lines={lines} width={width} />;
}
