import type { LiveSnapshot } from "../experiment/index.js";
import type { ScalarMetric, Scenario } from "../model/index.js";
import { fmt } from "../report/index.js";
import { fanChartLines } from "./fan-chart.js";
import { leverText, PROTOCOL_LEVERS } from "./levers.js";
import { Block } from "./block.js";
import { usePaint } from "./theme.js";
import { fanOf, nationalRow, scalarMean } from "./view-model.js";

/** The outcomes a manager trades off, national means (lower is better for each). */
export const PROTOCOL_OUTCOMES: readonly { readonly metric: ScalarMetric; readonly label: string; readonly decimals: number }[] = [
  { metric: "hub_wait_mean_weeks", label: "Hub wait, weeks", decimals: 1 },
  { metric: "hub_wait_p90_weeks", label: "  90th centile", decimals: 1 },
  { metric: "forced_allocations", label: "Forced allocations", decimals: 0 },
  { metric: "peak_hub_backlog", label: "Peak hub backlog", decimals: 0 },
  { metric: "hub_backlog_end", label: "Hub backlog at end", decimals: 0 },
  { metric: "protocol_weeks_active", label: "Area-weeks hub open", decimals: 0 },
  { metric: "avg_caseload", label: "Caseload per FCA", decimals: 1 },
  { metric: "pct_fcas_over_cap", label: "% FCAs over cap", decimals: 1 },
  { metric: "fca_weeks_over_cap", label: "FCA-weeks over cap", decimals: 0 },
];

const LEVER_LABEL = 28;
const LEFT = LEVER_LABEL + 9;

/**
 * The Protocol view: every threshold with the selected one pointed at, and beside them the
 * outcomes of the scenario as loaded against the edited one (blank while its run starts), the
 * change green when it is lower (better) and red when higher; a small hub backlog chart underneath.
 */
export function ProtocolView({ scenario, loaded, now, chart, selected, message, width, height }: {
  readonly scenario: Scenario; readonly loaded: LiveSnapshot | undefined; readonly now: LiveSnapshot | undefined;
  /** What the chart draws: the latest forecast, the previous setting's while the new run starts. */
  readonly chart: LiveSnapshot | undefined;
  readonly selected: number; readonly message: string | undefined; readonly width: number; readonly height: number;
}) {
  const paint = usePaint();
  const value = (s: LiveSnapshot | undefined, metric: ScalarMetric): number => (s === undefined ? NaN : scalarMean(s.forecast, nationalRow(s.forecast), metric));
  const left = [
    paint.bold(`${"Threshold".padEnd(LEVER_LABEL + 2)}${"value".padStart(5)}`),
    ...PROTOCOL_LEVERS.map((lever, i) => {
      const text = `${i === selected ? "› " : "  "}${lever.label.padEnd(LEVER_LABEL)}${leverText(scenario, lever).padStart(5)}`;
      return i === selected ? paint.inverse(text) : text;
    }),
  ];
  const right = [
    paint.bold(`${"Outcome (mean)".padEnd(18)}${"loaded".padStart(7)}${"now".padStart(7)}${"change".padStart(7)}`),
    ...PROTOCOL_OUTCOMES.map((o) => {
      const before = value(loaded, o.metric), after = value(now, o.metric);
      // Rounded as shown, so a change too small to show is neither signed nor coloured.
      const delta = Number((after - before).toFixed(o.decimals)) + 0;
      const change = (Number.isNaN(delta) ? "–" : `${delta > 0 ? "+" : ""}${fmt(delta, o.decimals)}`).padStart(7);
      const coloured = delta === 0 || Number.isNaN(delta) ? change : delta < 0 ? paint.green(change) : paint.red(change);
      return `${o.label.padEnd(18)}${fmt(before, o.decimals).padStart(7)}${fmt(after, o.decimals).padStart(7)}${coloured}`;
    }),
    paint.dim(footnote(loaded, now)),
  ];
  const chartHeight = height - left.length - 4 - (message === undefined ? 0 : 1);
  const lines = left.map((l, i) => `${l}${" ".repeat(LEFT - LEVER_LABEL - 7)}${right[i] ?? ""}`);
  if (chartHeight >= 2 && chart !== undefined) {
    lines.push("Hub backlog, England, now", ...fanChartLines(paint, fanOf(chart.forecast, nationalRow(chart.forecast), "hub_backlog"), chart.forecast.shape.weeks, width, chartHeight, scenario.startDate));
  }
  if (message !== undefined) lines.push(paint.red(message));
  return <Block lines={lines} width={width} />;
}

/** Under the outcomes: how far each side's run has got, or that the comparison is paired. */
function footnote(loaded: LiveSnapshot | undefined, now: LiveSnapshot | undefined): string {
  const part = (label: string, s: LiveSnapshot | undefined): string | undefined => (s !== undefined && s.done < s.total ? `${label} ${s.done}/${s.total} reps` : undefined);
  const parts = [part("loaded", loaded), part("now", now)].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(", ") : "same seeds, so changes are paired";
}
