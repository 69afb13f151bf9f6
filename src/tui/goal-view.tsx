import type { Scenario } from "../model/index.js";
import { fmt, percent } from "../report/index.js";
import { Block } from "./block.js";
import { GOAL_MEASURES, GOAL_ROWS, goalWindow, horizonMonths, rowApplies, targetText, type GoalDraft, type GoalRow } from "./goal-draft.js";
import { GOAL_LEVERS, goalLeverValue, STAFFING_PATH } from "./goal-levers.js";
import { answerLines, intervalNote, pointLines, type Tone } from "./goal-results.js";
import type { GoalSearch } from "./goal-search.js";
import { sideBySide } from "./side-by-side.js";
import { usePaint } from "./theme.js";
import { wrapParts } from "./wrap-parts.js";

const LABELS: Readonly<Record<GoalRow, string>> = {
  lever: "Lever", area: "  in area", from: "  from", how: "  arriving", direction: "Seek the",
  measure: "Measure", where: "  in", first: "  weeks from", last: "  weeks to", op: "  must be", value: "  value", confidence: "Confidence",
};

const LABEL = 13, COLUMN = 39;

const monthText = (month: string | undefined): string => {
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return month === undefined ? "–" : `${names[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
};

/** What a row of the draft shows. */
function rowValue(s: Scenario, g: GoalDraft, row: GoalRow): string {
  const lever = GOAL_LEVERS[g.lever]!, measure = GOAL_MEASURES[g.measure]!, months = horizonMonths(s), [first, last] = goalWindow(s, g);
  const weekly = measure.kind === "weekly";
  switch (row) {
    case "lever": return lever.label;
    case "area": return s.areas[Math.min(g.staffing.area, s.areas.length - 1)]!.name;
    case "from": return g.staffing.from;
    case "how": return g.staffing.how;
    case "direction": return `${g.direction === "minimise" ? "smallest" : "largest"} in ${fmt(lever.lo, lever.decimals)}–${fmt(lever.hi, lever.decimals)}`;
    case "measure": return measure.label;
    case "where": return g.where === 0 ? "England" : s.areas[g.where - 1]?.name ?? "England";
    case "first": return weekly ? monthText(months[first]) : "whole run";
    case "last": return weekly ? monthText(months[last]) : "whole run";
    case "op": return `${g.op}${weekly ? " every week" : ""}`;
    case "value": return fmt(g.value, GOAL_MEASURES[g.measure]!.step < 1 ? 1 : 0);
    case "confidence": return `${percent(g.confidence)} of replications`;
  }
}

/**
 * The Goal view: the lever searched (left) and the target (right), each row changed with ←/→;
 * under them the target as `hubsim seek` reads it, then the search: every value tried as it
 * finishes, with the share of replications meeting the target, its Wilson interval and where the
 * answer lies so far; then the answer, or "always"/"never", and any warning of non-monotone shares.
 */
export function GoalView({ scenario, draft, cursor, search, message, width, height }: {
  readonly scenario: Scenario; readonly draft: GoalDraft; readonly cursor: number; readonly search: GoalSearch | undefined;
  readonly message: string | undefined; readonly width: number; readonly height: number;
}) {
  const paint = usePaint();
  const line = (row: GoalRow): string => {
    const full = `${LABELS[row].padEnd(LABEL)}${rowValue(scenario, draft, row)}`, i = GOAL_ROWS.indexOf(row);
    const text = full.length > COLUMN - 2 ? `${full.slice(0, COLUMN - 3)}…` : full;
    if (i === cursor) return paint.inverse(`› ${text}`.padEnd(COLUMN));
    return rowApplies(draft, row) ? `  ${text}` : paint.dim(`  ${text}`);
  };
  const lever = GOAL_LEVERS[draft.lever]!;
  const now = `${goalLeverValue(scenario, lever, { ...draft.staffing, area: Math.min(draft.staffing.area, scenario.areas.length - 1) })}${lever.path === STAFFING_PATH ? " FTE" : ""}`;
  const left = [...GOAL_ROWS.slice(0, 5).map(line), paint.dim(`  ${"  set now".padEnd(LABEL)}${now}`)];
  const right = GOAL_ROWS.slice(5).map(line);
  const top = [...sideBySide(left, right, COLUMN, 1), paint.dim(`→ ${targetText(scenario, draft)} in ≥ ${percent(draft.confidence)} of ${scenario.run.replications} replications`)];
  const tones: Readonly<Record<Tone, (text: string) => string>> = { good: paint.green, bad: paint.red, warn: paint.yellow, plain: (t) => t };
  const said: (readonly [Tone, string])[] = search === undefined ? [["plain", "Enter: bisection on common random numbers, the same replications at every value."]] : answerLines(search);
  if (message !== undefined) said.push(["plain", message]);
  // Wrapped as plain words, then painted line by line, so no colour runs on past a line's end.
  const wrapped = (tone: Tone, text: string): string[] => wrapParts(text.split(" "), width).map((l) => tones[tone](l));
  const tail = [...said.flatMap(([tone, text]) => wrapped(tone, text)), ...(search === undefined ? [] : wrapped("plain", intervalNote(search)).map((l) => paint.dim(l)))];
  const table = search === undefined ? [] : pointLines(paint, search, height - top.length - tail.length);
  return <Block lines={[...top, ...table, ...tail]} width={width} />;
}
