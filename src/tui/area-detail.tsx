import { useMemo } from "react";
import { protocolHistory, type LiveSnapshot } from "../experiment/index.js";
import { areaProtocol } from "../model/index.js";
import { fmt, protocolHistoryText } from "../report/index.js";
import { fanChartLines, fanLegend } from "./fan-chart.js";
import { Block } from "./block.js";
import { sideBySide } from "./side-by-side.js";
import { usePaint } from "./theme.js";
import { fanOf, lastKnownWeek, protocolLook, scalarMean } from "./view-model.js";
import { wrapParts } from "./wrap-parts.js";

const GAP = 2;

/**
 * One area's charts: its headline figures (both waits), why and when its hub opened (wrapped to
 * the width), then its awaiting-allocation fan beside its hub backlog fan, and its long-term
 * caseload fan under them.
 */
export function AreaDetail({ snapshot, area, width, height }: { readonly snapshot: LiveSnapshot; readonly area: number; readonly width: number; readonly height: number }) {
  const paint = usePaint();
  const f = snapshot.forecast, hub = fanOf(f, area, "hub_backlog"), last = Math.max(0, lastKnownWeek(hub)), start = f.scenario.startDate;
  const history = useMemo(() => protocolHistory(f), [f]);
  const rules = areaProtocol(f.scenario.protocol, f.scenario.areas[area]!.protocol);
  const why = f.plan.replications === 0 ? "Why and when a hub opened: known when the first replication is done." : protocolHistoryText(history[area]!, rules.triggerWeeks, rules.trigger);
  const head = [
    ...wrapParts([paint.bold(f.shape.areas[area]!), `protocol ${protocolLook(f, area, last)}`, `time to allocation ${fmt(scalarMean(f, area, "allocation_wait_mean_weeks"), 2)} wks`,
      `hub wait ${fmt(scalarMean(f, area, "hub_wait_mean_weeks"), 1)} wks`, `forced ${fmt(scalarMean(f, area, "forced_allocations"))}`, `${fmt(scalarMean(f, area, "protocol_weeks_active"))} hub-open weeks`], width, " · ", "  "),
    ...wrapParts(why.split(" "), width),
    fanLegend(paint, f.bandContent),
  ];
  // Two rows of charts, each a title, its plot rows, an axis and a date row.
  const plots = Math.max(6, height - head.length - 6), top = Math.ceil(plots / 2), bottom = plots - top;
  const half = Math.floor((width - GAP) / 2);
  const lines = [
    ...head,
    ...sideBySide(
      ["Awaiting allocation (cases)", ...fanChartLines(paint, fanOf(f, area, "awaiting_allocation"), f.shape.weeks, half, top, start)],
      ["Hub backlog (cases held)", ...fanChartLines(paint, hub, f.shape.weeks, width - half - GAP, top, start)],
      half, GAP,
    ),
    "Long-term caseload per FCA",
    ...fanChartLines(paint, fanOf(f, area, "avg_caseload"), f.shape.weeks, width, bottom, start),
  ];
  return <Block lines={lines} width={width} />;
}
