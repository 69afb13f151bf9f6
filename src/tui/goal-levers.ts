import { valueAt, withPath } from "../experiment/index.js";
import { schemaComplaint, scenarioSchema, type Scenario } from "../model/index.js";
import { STAFFING_NOTE, withManaged, type StaffingDraft } from "./staffing-lever.js";
import type { TriggerMeasure } from "./levers.js";

/** The Goal view's lever for extra long-term FTE in an area from a date (the Scenario view's staffing lever). */
export const STAFFING_PATH = "staffing";

/** A lever the Goal view can search: a scenario field (or extra FTE in an area), its range, and which way the target gets easier. */
export interface GoalLever {
  readonly label: string;
  /** A numeric scenario field, or STAFFING_PATH. */
  readonly path: string;
  readonly lo: number;
  readonly hi: number;
  readonly integer: boolean;
  readonly decimals: number;
  /** Continuous levers: the search stops when the answer is bracketed this closely. */
  readonly tolerance?: number;
  /** The way searched unless the user turns it: "minimise" when the target gets easier as the lever rises. */
  readonly direction: "minimise" | "maximise";
  /** A threshold the protocol reads only when its trigger watches this measure. */
  readonly measure?: TriggerMeasure;
}

/** The levers a target can be sought on, with their ranges. */
export const GOAL_LEVERS: readonly GoalLever[] = [
  { label: "Extra FTE in an area", path: STAFFING_PATH, lo: 0, hi: 60, integer: true, decimals: 0, direction: "minimise" },
  { label: "FCA FTE multiplier", path: "national.workforce.fteMultiplier", lo: 0.8, hi: 1.6, integer: false, decimals: 2, tolerance: 0.01, direction: "minimise" },
  { label: "Trigger: open ÷ baseline", path: "protocol.triggerRatio", lo: 1.1, hi: 3, integer: false, decimals: 2, tolerance: 0.01, direction: "minimise", measure: "open-cases" },
  { label: "Trigger: unallocated, wks", path: "protocol.triggerUnallocatedWeeks", lo: 1, hi: 12, integer: false, decimals: 2, tolerance: 0.05, direction: "minimise", measure: "unallocated" },
  { label: "Maximum hold, weeks", path: "protocol.maxHoldWeeks", lo: 4, hi: 26, integer: true, decimals: 0, direction: "maximise" },
  { label: "Demand multiplier", path: "national.demand.multiplier", lo: 0.5, hi: 1.5, integer: false, decimals: 2, tolerance: 0.01, direction: "maximise" },
];

/** A lever's value in a scenario as shown, or "–" for one with no value there. */
export function goalLeverValue(scenario: Scenario, lever: GoalLever, staffing: StaffingDraft): string {
  const v = lever.path === STAFFING_PATH ? scenario.areas[staffing.area]?.staffing.find((c) => c.note === STAFFING_NOTE)?.fte ?? 0 : valueAt(scenario, lever.path);
  return typeof v === "number" ? v.toFixed(lever.decimals) : "–";
}

/**
 * The scenario to search from and the field searched: for extra FTE, the area's managed change at
 * the draft's date and arrival (the file's own changes left alone), its FTE the field.
 */
export function searchBase(scenario: Scenario, lever: GoalLever, staffing: StaffingDraft): { readonly base: Scenario; readonly path: string } {
  if (lever.path !== STAFFING_PATH) return { base: scenario, path: lever.path };
  const area = scenario.areas[staffing.area]!, others = area.staffing.filter((c) => c.note !== STAFFING_NOTE);
  const change = { from: staffing.from, fte: 0, team: "long-term" as const, how: staffing.how, note: STAFFING_NOTE };
  return { base: scenarioSchema.parse(withPath(scenario, `areas[${staffing.area}].staffing`, [...others, change])), path: `areas[${staffing.area}].staffing[${others.length}].fte` };
}

/** The scenario with a lever set to a value (for extra FTE, the area's managed change), checked by the schema. */
export function applyGoalLever(scenario: Scenario, lever: GoalLever, staffing: StaffingDraft, value: number): { readonly scenario: Scenario } | { readonly error: string } {
  if (lever.path === STAFFING_PATH) {
    const next = withManaged(scenario, staffing, { fte: value, from: staffing.from, how: staffing.how });
    return "error" in next ? next : { scenario: next.scenario };
  }
  const parsed = scenarioSchema.safeParse(withPath(scenario, lever.path, value));
  return parsed.success ? { scenario: parsed.data } : { error: `${lever.path} ${value} refused: ${schemaComplaint(parsed.error.issues[0]!)}` };
}
