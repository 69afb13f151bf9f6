import { MeasureError, parseTarget, scenarioAt, TARGET_OPERATORS, runPlan, type RunPlan, type SeekSpec, type TargetOperator } from "../experiment/index.js";
import { addDays, daysBetween, resultShape, type Scenario } from "../model/index.js";
import { GOAL_LEVERS, searchBase, STAFFING_PATH } from "./goal-levers.js";
import { STAFFING_HOWS, type StaffingDraft } from "./staffing-lever.js";

/** A measure a target can be set on, its step per key press and the value a new target starts at. */
export interface GoalMeasure {
  readonly metric: string;
  readonly label: string;
  /** "weekly": every week of a window must meet it; "whole run": one figure per replication. */
  readonly kind: "weekly" | "whole run";
  readonly step: number;
  readonly start: number;
}

/** The measures offered, the ones planners ask about first. */
export const GOAL_MEASURES: readonly GoalMeasure[] = [
  { metric: "hub_backlog", label: "Hub backlog", kind: "weekly", step: 5, start: 50 },
  { metric: "awaiting_allocation", label: "Awaiting allocation", kind: "weekly", step: 10, start: 200 },
  { metric: "unallocated_weeks_of_capacity", label: "Unallocated, wks of capacity", kind: "weekly", step: 0.5, start: 4 },
  { metric: "hub_wait_p90", label: "Hub wait, 90th centile", kind: "whole run", step: 1, start: 12 },
  { metric: "hub_wait_mean", label: "Hub wait, mean", kind: "whole run", step: 1, start: 8 },
  { metric: "allocation_wait_mean", label: "Weeks to allocation, mean", kind: "whole run", step: 0.5, start: 4 },
  { metric: "allocation_wait_p90", label: "Weeks to allocation, p90", kind: "whole run", step: 1, start: 12 },
  { metric: "waited_over_12_weeks", label: "Cases waited 12+ weeks", kind: "whole run", step: 10, start: 100 },
  { metric: "avg_caseload", label: "Caseload per FCA", kind: "whole run", step: 0.5, start: 20 },
  { metric: "pct_fcas_over_cap", label: "% FCAs at/over cap", kind: "whole run", step: 5, start: 20 },
];

/** The shares of replications a target may be asked to hold in. */
export const CONFIDENCES = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99] as const;

/** The Goal view's rows, top to bottom, each changed with ←/→. */
export const GOAL_ROWS = ["lever", "area", "from", "how", "direction", "measure", "where", "first", "last", "op", "value", "confidence"] as const;
export type GoalRow = (typeof GOAL_ROWS)[number];

/** What the user has chosen: the lever (with, for extra FTE, its area, date and arrival), the target and the confidence. */
export interface GoalDraft {
  readonly lever: number;
  readonly staffing: StaffingDraft;
  readonly direction: "minimise" | "maximise";
  readonly measure: number;
  /** 0 England, then area i + 1. */
  readonly where: number;
  /** The window of a weekly measure, as months from the scenario's start month (inclusive); `last` undefined: to the horizon's end. */
  readonly first: number;
  readonly last: number | undefined;
  readonly op: TargetOperator;
  readonly value: number;
  readonly confidence: number;
}

/** A new draft: extra FTE in the first area from the start, hub backlog ≤ 50 nationally over the horizon, at 90%. */
export const firstGoalDraft = (s: Scenario): GoalDraft => ({
  lever: 0, staffing: { area: 0, from: s.startDate, how: "transfer" }, direction: GOAL_LEVERS[0]!.direction,
  measure: 0, where: 0, first: 0, last: undefined, op: "<=", value: GOAL_MEASURES[0]!.start, confidence: 0.9,
});

/** The months a weekly window can start or end in: "YYYY-MM" of every month the horizon touches. */
export function horizonMonths(s: Scenario): string[] {
  const end = addDays(s.startDate, 7 * s.horizonWeeks - 1), months: string[] = [];
  for (let y = Number(s.startDate.slice(0, 4)), m = Number(s.startDate.slice(5, 7)); `${y}-${String(m).padStart(2, "0")}` <= end.slice(0, 7); m === 12 ? (y++, (m = 1)) : m++) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
  }
  return months;
}

const cycle = <T>(list: readonly T[], now: T, d: number): T => list[(Math.max(0, list.indexOf(now)) + d + list.length) % list.length]!;
const round = (x: number): number => Number(x.toFixed(6));

/** The draft moved one step (`d` ±1) on a row; a date outside the horizon is refused with a reason. */
export function moveGoal(s: Scenario, g: GoalDraft, row: GoalRow, d: 1 | -1): GoalDraft | { readonly error: string } {
  const months = horizonMonths(s).length, [first, last] = goalWindow(s, g);
  switch (row) {
    case "lever": {
      const lever = (g.lever + d + GOAL_LEVERS.length) % GOAL_LEVERS.length;
      return { ...g, lever, direction: GOAL_LEVERS[lever]!.direction };
    }
    case "area": return { ...g, staffing: { ...g.staffing, area: (g.staffing.area + d + s.areas.length) % s.areas.length } };
    case "from": {
      const from = addDays(g.staffing.from, 28 * d), week = daysBetween(s.startDate, from) / 7;
      return week < 0 || week >= s.horizonWeeks ? { error: `${from} is outside the horizon (${s.startDate} for ${s.horizonWeeks} weeks)` } : { ...g, staffing: { ...g.staffing, from } };
    }
    case "how": return { ...g, staffing: { ...g.staffing, how: cycle(STAFFING_HOWS, g.staffing.how, d) } };
    case "direction": return { ...g, direction: g.direction === "minimise" ? "maximise" : "minimise" };
    case "measure": {
      const measure = (g.measure + d + GOAL_MEASURES.length) % GOAL_MEASURES.length;
      return { ...g, measure, value: GOAL_MEASURES[measure]!.start };
    }
    case "where": return { ...g, where: (g.where + d + s.areas.length + 1) % (s.areas.length + 1) };
    case "first": return { ...g, first: Math.max(0, Math.min(last, first + d)) };
    case "last": {
      const next = Math.max(first, Math.min(months - 1, last + d));
      return { ...g, first, last: next === months - 1 ? undefined : next };
    }
    case "op": return { ...g, op: cycle(TARGET_OPERATORS, g.op, d) };
    case "value": return { ...g, value: round(Math.max(0, g.value + d * GOAL_MEASURES[g.measure]!.step)) };
    case "confidence": return { ...g, confidence: cycle(CONFIDENCES, g.confidence as (typeof CONFIDENCES)[number], d) };
  }
}

/** Whether a row means anything for the draft: the area, date and arrival only for extra FTE, the window only for a weekly measure. */
export function rowApplies(g: GoalDraft, row: GoalRow): boolean {
  if (row === "area" || row === "from" || row === "how") return GOAL_LEVERS[g.lever]!.path === STAFFING_PATH;
  if (row === "first" || row === "last") return GOAL_MEASURES[g.measure]!.kind === "weekly";
  return true;
}

/** A weekly measure's window as indices into `horizonMonths`, kept inside the horizon (which an edit may have shortened). */
export function goalWindow(s: Scenario, g: GoalDraft): readonly [number, number] {
  const n = horizonMonths(s).length, last = Math.min(n - 1, g.last ?? n - 1);
  return [Math.min(g.first, last), last];
}

/** The target as `hubsim seek --target` reads it, e.g. "hub_backlog@A15 London@2027-04..2027-12 <= 50". */
export function targetText(s: Scenario, g: GoalDraft): string {
  const m = GOAL_MEASURES[g.measure]!, months = horizonMonths(s), [first, last] = goalWindow(s, g);
  const where = g.where === 0 ? "" : `@${s.areas[g.where - 1]?.name ?? "England"}`;
  const window = m.kind === "weekly" && (first > 0 || last < months.length - 1) ? `@${months[first]}..${months[last]}` : "";
  return `${m.metric}${where}${window} ${g.op} ${g.value}`;
}

/** Everything a search needs, or why the draft cannot be searched. */
export type GoalPlan = { readonly base: Scenario; readonly spec: SeekSpec; readonly plan: RunPlan } | { readonly error: string };

/** The search the draft asks for on a scenario: the lever's range checked at both ends, the target parsed, the scenario's replications and seed. */
export function goalPlan(s: Scenario, g: GoalDraft): GoalPlan {
  const lever = GOAL_LEVERS[g.lever]!;
  if (lever.measure !== undefined && lever.measure !== s.protocol.trigger) return { error: `${lever.path} is not read while the trigger watches ${s.protocol.trigger} (t in Protocol switches it)` };
  const staffing = { ...g.staffing, area: Math.min(g.staffing.area, s.areas.length - 1) };
  const { base, path } = searchBase(s, lever, staffing);
  try {
    for (const v of [lever.lo, lever.hi]) scenarioAt(base, { index: 0, values: { [path]: v } });
    const target = parseTarget(targetText(s, g), { shape: resultShape(base), startDate: base.startDate });
    const spec: SeekSpec = { path, lo: lever.lo, hi: lever.hi, integer: lever.integer, target, confidence: g.confidence, direction: g.direction, ...(lever.tolerance === undefined ? {} : { tolerance: lever.tolerance }) };
    return { base, spec, plan: runPlan(s) };
  } catch (error) {
    if (error instanceof MeasureError || error instanceof RangeError) return { error: error.message };
    throw error;
  }
}
