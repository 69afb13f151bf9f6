import { Box, Text } from "ink";
import type { LiveSnapshot } from "../experiment/index.js";
import { fmt } from "../report/index.js";
import { FanChart, FanLegend } from "./fan-chart.js";
import { fanOf, protocolLook, lastKnownWeek, scalarMean } from "./view-model.js";

/** One area's charts: its hub backlog fan, long-term caseload fan and its headline figures. */
export function AreaDetail({ snapshot, area, width, height }: { readonly snapshot: LiveSnapshot; readonly area: number; readonly width: number; readonly height: number }) {
  const f = snapshot.forecast, hub = fanOf(f, area, "hub_backlog"), last = Math.max(0, lastKnownWeek(hub));
  const chart = Math.max(3, Math.floor((height - 8) / 2));
  return (
    <Box flexDirection="column">
      <Text><Text bold>{f.shape.areas[area]}</Text> · protocol {protocolLook(f, area, last)} · hub wait {fmt(scalarMean(f, area, "hub_wait_mean_weeks"), 1)} wks · forced {fmt(scalarMean(f, area, "forced_allocations"))} · {fmt(scalarMean(f, area, "protocol_weeks_active"))} weeks with a hub open</Text>
      <Text>Hub backlog (cases held)   <FanLegend /></Text>
      <FanChart fan={hub} weeks={f.shape.weeks} width={width} height={chart} startDate={f.scenario.startDate} />
      <Text>Long-term caseload per FCA</Text>
      <FanChart fan={fanOf(f, area, "avg_caseload")} weeks={f.shape.weeks} width={width} height={chart} startDate={f.scenario.startDate} />
    </Box>
  );
}
