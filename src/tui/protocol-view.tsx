import type { ChalkInstance } from "chalk";
import type { LiveSnapshot } from "../experiment/index.js";
import type { ScalarMetric, Scenario } from "../model/index.js";
import { compactNumber, fmt } from "../report/index.js";
import { fanChartLines, fanLegend } from "./fan-chart.js";
import { leverText, PROTOCOL_LEVERS } from "./levers.js";
import { Block } from "./block.js";
import { usePaint } from "./theme.js";
import { fanOf, nationalRow, scalarMean } from "./view-model.js";

/** The outcomes a manager trades off, national means (lower is better for each): unallocated work first, then the hubs, then caseloads. */
export const PROTOCOL_OUTCOMES: readonly { readonly metric: ScalarMetric; readonly label: string; readonly decimals: number }[] = [
  { metric: "allocation_wait_mean_weeks", label: "Weeks to allocation", decimals: 2 },
  { metric: "waited_over_12_weeks", label: "Waited 12+ weeks", decimals: 0 },
  { metric: "awaiting_case_weeks", label: "Awaiting case-weeks", decimals: 0 },
  { metric: "hub_wait_mean_weeks", label: "Hub wait, weeks", decimals: 1 },
  { metric: "hub_wait_p90_weeks", label: "  90th centile", decimals: 1 },
  { metric: "forced_allocations", label: "Forced allocations", decimals: 0 },
  { metric: "peak_hub_backlog", label: "Peak hub backlog", decimals: 0 },
  { metric: "hub_backlog_end", label: "Hub backlog at end", decimals: 0 },
  { metric: "protocol_weeks_active", label: "Area-weeks hub open", decimals: 0 },
  { metric: "avg_caseload", label: "Caseload per FCA", decimals: 1 },
  { metric: "pct_fcas_over_cap", label: "% FCAs at/over cap", decimals: 1 },
  { metric: "fca_weeks_over_cap", label: "FCA-wks at/over cap", decimals: 0 },
];

/** Threshold label and value together (the value right-aligned), the outcome label, and each outcome figure. */
const LEVER = 33, OUTCOME = 19, FIGURE = 8;

/** A figure in at most FIGURE - 1 columns: as written if it fits, else compact (139k). */
const figure = (x: number, decimals: number): string => {
  const text = fmt(x, decimals);
  return (text.length < FIGURE ? text : compactNumber(x)).padStart(FIGURE);
};

/**
 * The Protocol view: every threshold with the selected one pointed at (those of the measure the
 * trigger does not watch greyed), and beside them the outcomes of the scenario as loaded against
 * the edited one (blank while its run starts), the change green when it is lower (better) and red
 * when higher; a small hub backlog chart underneath when there is room.
 */
export function ProtocolView({ scenario, loaded, now, chart, selected, message, width, height }: {
  readonly scenario: Scenario; readonly loaded: LiveSnapshot | undefined; readonly now: LiveSnapshot | undefined;
  /** What the chart draws: the latest forecast, the previous setting's while the new run starts. */
  readonly chart: LiveSnapshot | undefined;
  readonly selected: number; readonly message: string | undefined; readonly width: number; readonly height: number;
}) {
  const paint = usePaint();
  // Thresholds the run draws from a calibration show the draws' mean, marked ~ (an edit fixes the value).
  const drawn = (now ?? chart)?.forecast.plan.posterior;
  const drawnMean = (path: string): number | undefined => {
    const k = drawn?.paths.indexOf(path) ?? -1;
    return k < 0 ? undefined : drawn!.particles.reduce((s, p) => s + p.weight * p.theta[k]!, 0);
  };
  const left = [
    paint.bold(`${"Threshold".padEnd(LEVER - 3)}${"value".padStart(5)}`),
    ...PROTOCOL_LEVERS.map((lever, i) => {
      const mean = drawnMean(lever.path);
      const value = mean === undefined ? leverText(scenario, lever) : `~${mean.toFixed(lever.decimals ?? 0)}`, text = `${i === selected ? "› " : "  "}${lever.label}${value.padStart(LEVER - lever.label.length)}`;
      if (i === selected) return paint.inverse(text);
      return lever.measure !== undefined && lever.measure !== scenario.protocol.trigger ? paint.dim(text) : text;
    }),
  ];
  const right = [...outcomeLines(paint, loaded, now), paint.dim("unallocated: awaiting + in hubs, in"), paint.dim("weeks of allocation capacity; grey:"), paint.dim("thresholds of the measure not watched")];
  const lines = left.map((l, i) => `${l}  ${right[i] ?? ""}`);
  const overrides = scenario.areas.filter((a) => a.protocol !== undefined && Object.keys(a.protocol).length > 0);
  if (overrides.length > 0) lines.push(paint.yellow(`Own thresholds, not changed here: ${overrides.map((a) => `${a.name} (${Object.keys(a.protocol!).join(", ")})`).join("; ")}`));
  if (PROTOCOL_LEVERS.some((l) => drawnMean(l.path) !== undefined)) lines.push(paint.dim(`~ drawn for each replication from ${drawn!.name} (mean shown); editing it fixes it`.slice(0, width)));
  const chartHeight = height - lines.length - 4 - (message === undefined ? 0 : 1);
  if (chartHeight >= 2 && chart !== undefined) {
    const f = chart.forecast;
    lines.push("Hub backlog, England, now", fanLegend(paint, f.bandContent), ...fanChartLines(paint, fanOf(f, nationalRow(f), "hub_backlog"), f.shape.weeks, width, chartHeight, scenario.startDate));
  }
  if (message !== undefined) lines.push(paint.red(message));
  return <Block lines={lines} width={width} />;
}

/** The outcomes' table: loaded, now and the change, coloured by whether it is better; then how far the runs have got. */
function outcomeLines(paint: ChalkInstance, loaded: LiveSnapshot | undefined, now: LiveSnapshot | undefined): string[] {
  const value = (s: LiveSnapshot | undefined, metric: ScalarMetric): number => (s === undefined ? NaN : scalarMean(s.forecast, nationalRow(s.forecast), metric));
  return [
    paint.bold(`${"Outcome (mean)".padEnd(OUTCOME)}${"loaded".padStart(FIGURE)}${"now".padStart(FIGURE)}${"change".padStart(FIGURE)}`),
    ...PROTOCOL_OUTCOMES.map((o) => {
      const before = value(loaded, o.metric), after = value(now, o.metric);
      // Rounded as shown, so a change too small to show is neither signed nor coloured.
      const delta = Number((after - before).toFixed(o.decimals)) + 0;
      const change = Number.isNaN(delta) ? "–".padStart(FIGURE) : delta > 0 ? `+${figure(delta, o.decimals).trimStart()}`.padStart(FIGURE) : figure(delta, o.decimals);
      const coloured = delta === 0 || Number.isNaN(delta) ? change : delta < 0 ? paint.green(change) : paint.red(change);
      return `${o.label.padEnd(OUTCOME)}${figure(before, o.decimals)}${figure(after, o.decimals)}${coloured}`;
    }),
    paint.dim(footnote(loaded, now)),
  ];
}

/** Under the outcomes: how far each side's run has got, or that the comparison is paired. */
function footnote(loaded: LiveSnapshot | undefined, now: LiveSnapshot | undefined): string {
  const part = (label: string, s: LiveSnapshot | undefined): string | undefined => (s !== undefined && s.done < s.total ? `${label} ${s.done}/${s.total} reps` : undefined);
  const parts = [part("loaded", loaded), part("now", now)].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(", ") : "same seeds, so changes are paired";
}
