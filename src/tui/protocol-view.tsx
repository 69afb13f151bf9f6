import { Box, Text } from "ink";
import type { LiveSnapshot } from "../experiment/index.js";
import type { ScalarMetric, Scenario } from "../model/index.js";
import { fmt } from "../report/index.js";
import { FanChart } from "./fan-chart.js";
import { leverText, PROTOCOL_LEVERS } from "./levers.js";
import { Paint } from "./theme.js";
import { fanOf, nationalRow, scalarMean } from "./view-model.js";

/** The outcomes a manager trades off, national means; `better` says which way is good. */
export const PROTOCOL_OUTCOMES: readonly { readonly metric: ScalarMetric; readonly label: string; readonly decimals: number; readonly better: "lower" | "higher" }[] = [
  { metric: "hub_wait_mean_weeks", label: "Hub wait, weeks", decimals: 1, better: "lower" },
  { metric: "hub_wait_p90_weeks", label: "  90th centile", decimals: 1, better: "lower" },
  { metric: "forced_allocations", label: "Forced allocations", decimals: 0, better: "lower" },
  { metric: "peak_hub_backlog", label: "Peak hub backlog", decimals: 0, better: "lower" },
  { metric: "hub_backlog_end", label: "Hub backlog at end", decimals: 0, better: "lower" },
  { metric: "protocol_weeks_active", label: "Area-weeks hub open", decimals: 0, better: "lower" },
  { metric: "avg_caseload", label: "Caseload per FCA", decimals: 1, better: "lower" },
  { metric: "pct_fcas_over_cap", label: "% FCAs over cap", decimals: 1, better: "lower" },
  { metric: "fca_weeks_over_cap", label: "FCA-weeks over cap", decimals: 0, better: "lower" },
];

const LEVER_LABEL = 33;

/**
 * The Protocol view: every threshold with the selected one pointed at, and beside them the
 * outcomes of the scenario as loaded against the edited one, with the change coloured by
 * whether it is better or worse; a small hub backlog chart underneath.
 */
export function ProtocolView({ scenario, loaded, now, selected, message, width, height }: {
  readonly scenario: Scenario; readonly loaded: LiveSnapshot | undefined; readonly now: LiveSnapshot | undefined;
  readonly selected: number; readonly message: string | undefined; readonly width: number; readonly height: number;
}) {
  const value = (s: LiveSnapshot | undefined, metric: ScalarMetric): number => (s === undefined ? NaN : scalarMean(s.forecast, nationalRow(s.forecast), metric));
  const chartHeight = height - PROTOCOL_LEVERS.length - 4 - (message === undefined ? 0 : 1);
  return (
    <Box flexDirection="column">
      <Box>
        <Box flexDirection="column" width={LEVER_LABEL + 9}>
          <Text bold>{"Threshold".padEnd(LEVER_LABEL + 2)}{"value".padStart(6)}</Text>
          {PROTOCOL_LEVERS.map((lever, i) => (
            <Text key={lever.path} inverse={i === selected}>
              {i === selected ? "› " : "  "}{lever.label.padEnd(LEVER_LABEL)}{leverText(scenario, lever).padStart(6)}
            </Text>
          ))}
        </Box>
        <Box flexDirection="column" marginLeft={1}>
          <Text bold>{"Outcome (mean)".padEnd(19)}{"loaded".padStart(8)}{"now".padStart(8)}{"change".padStart(8)}</Text>
          {PROTOCOL_OUTCOMES.map((o) => {
            const before = value(loaded, o.metric), after = value(now, o.metric), delta = after - before;
            const colour = !(Math.abs(delta) > 1e-9) ? undefined : (delta < 0) === (o.better === "lower") ? "green" : "red";
            return (
              <Text key={o.metric}>
                {o.label.padEnd(19)}{fmt(before, o.decimals).padStart(8)}{fmt(after, o.decimals).padStart(8)}
                <Paint color={colour}>{(Number.isNaN(delta) ? "–" : `${delta > 0 ? "+" : ""}${fmt(delta, o.decimals)}`).padStart(8)}</Paint>
              </Text>
            );
          })}
          <Paint dim>{now !== undefined && now.done < now.total ? `now: ${now.done} of ${now.total} replications` : "same seeds: changes are paired"}</Paint>
        </Box>
      </Box>
      {chartHeight >= 2 && now !== undefined ? (
        <>
          <Text>Hub backlog, England, now</Text>
          <FanChart fan={fanOf(now.forecast, nationalRow(now.forecast), "hub_backlog")} weeks={now.forecast.shape.weeks} width={width} height={chartHeight} startDate={scenario.startDate} />
        </>
      ) : null}
      {message !== undefined ? <Paint color="red">{message}</Paint> : null}
    </Box>
  );
}
