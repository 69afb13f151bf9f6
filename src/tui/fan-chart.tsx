import { Box, Text } from "ink";
import { compactNumber, FAN_CHARS, fanChartRows, niceMax, type TextFan } from "../report/index.js";
import { Paint } from "./theme.js";
import { maxOf, weekLabel } from "./view-model.js";

const GUTTER = 6;
const COLOURS: Record<string, string | undefined> = { [FAN_CHARS.median]: "cyanBright", [FAN_CHARS.inner]: "blue", [FAN_CHARS.outer]: "gray" };

/** Splits a row into runs of one character, so each run gets its colour. */
function runs(row: string): string[] {
  return row.match(/(.)\1*/gu) ?? [];
}

/**
 * A fan chart in terminal characters: `height` plot rows plus an axis and a date row, `width`
 * columns in all (a 6-column value gutter on the left).
 */
export function FanChart({ fan, weeks, width, height, startDate }: { readonly fan: TextFan; readonly weeks: number; readonly width: number; readonly height: number; readonly startDate: string }) {
  const plotWidth = Math.max(10, width - GUTTER), max = niceMax(maxOf(fan.p95));
  const rows = fanChartRows(fan, weeks, plotWidth, height, max);
  const label = (r: number): string => (r === 0 ? compactNumber(max) : r === Math.floor(height / 2) && height >= 4 ? compactNumber(max / 2) : "");
  const first = weekLabel(startDate, 0), last = weekLabel(startDate, weeks - 1);
  return (
    <Box flexDirection="column">
      {rows.map((row, r) => (
        <Text key={r}>
          <Paint dim>{label(r).padStart(GUTTER - 1)}│</Paint>
          {runs(row).map((run, i) => <Paint key={i} color={COLOURS[run[0]!]}>{run}</Paint>)}
        </Text>
      ))}
      <Paint dim>{`${"0".padStart(GUTTER - 1)}└${"─".repeat(plotWidth)}`}</Paint>
      <Paint dim>{`${" ".repeat(GUTTER)}${first}${last.padStart(plotWidth - first.length)}`}</Paint>
    </Box>
  );
}

/** The legend line that explains a fan chart's characters. */
export function FanLegend() {
  return (
    <Text>
      <Paint color={COLOURS[FAN_CHARS.median]}>{FAN_CHARS.median}</Paint> median  <Paint color={COLOURS[FAN_CHARS.inner]}>{FAN_CHARS.inner}</Paint> 50%  <Paint color={COLOURS[FAN_CHARS.outer]}>{FAN_CHARS.outer}</Paint> 90% of replications
    </Text>
  );
}
