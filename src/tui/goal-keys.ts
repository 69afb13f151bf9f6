import type { Key } from "ink";
import type { Scenario } from "../model/index.js";
import { GOAL_ROWS, moveGoal, rowApplies, type GoalDraft } from "./goal-draft.js";
import { applyGoalLever, GOAL_LEVERS, STAFFING_PATH } from "./goal-levers.js";
import { cancelSearch, startSearch, type GoalSearch } from "./goal-search.js";
import { leverFigure } from "./goal-results.js";
import type { StaffingDraft } from "./staffing-lever.js";

/** The part of the UI's state the Goal view's keys change. */
export interface GoalKeyState {
  readonly goalCursor: number;
  readonly goal: GoalDraft;
  readonly search: GoalSearch | undefined;
  readonly scenario: Scenario;
  readonly staffing: StaffingDraft;
  readonly message: string | undefined;
}

/** The next row down (or up) that means something for the draft, or the cursor where it is at the end. */
function nextRow(g: GoalDraft, cursor: number, d: number): number {
  for (let i = cursor + Math.sign(d); i >= 0 && i < GOAL_ROWS.length; i += Math.sign(d)) if (rowApplies(g, GOAL_ROWS[i]!)) return i;
  return cursor;
}

/**
 * A key in the Goal view: ↑/↓ a row, ←/→ (or -/+) change it, Enter start a search (cancelling one
 * in flight), Esc cancel it, a apply a finished search's answer to the scenario as an edit.
 */
export function onGoalKey<S extends GoalKeyState>(s: S, input: string, key: Partial<Key>): S {
  const vertical = key.upArrow ? -1 : key.downArrow ? 1 : 0;
  const sideways = key.leftArrow || input === "-" ? -1 : key.rightArrow || input === "+" || input === "=" ? 1 : 0;
  if (vertical !== 0) return { ...s, goalCursor: nextRow(s.goal, s.goalCursor, vertical) };
  if (sideways !== 0) {
    const next = moveGoal(s.scenario, s.goal, GOAL_ROWS[s.goalCursor]!, sideways);
    return "error" in next ? { ...s, message: next.error } : { ...s, goal: next, message: undefined };
  }
  if (key.return) {
    const started = startSearch(s.scenario, s.goal, (s.search?.id ?? 0) + 1);
    return "error" in started ? { ...s, message: `Cannot search: ${started.error}` } : { ...s, search: started.search, message: undefined };
  }
  if (key.escape) return s.search?.status === "running" ? { ...s, search: cancelSearch(s.search), message: undefined } : s;
  return input === "a" ? apply(s) : s;
}

/** The finished search's answer set on the scenario on screen (the lever it searched, its area and date for extra FTE). */
function apply<S extends GoalKeyState>(s: S): S {
  const search = s.search, answer = search?.result?.answer;
  if (search === undefined || search.status !== "done" || answer === null || answer === undefined) return { ...s, message: "No answer to apply: Enter searches first" };
  const lever = GOAL_LEVERS[search.draft.lever]!, staffing = search.draft.staffing;
  const next = applyGoalLever(s.scenario, lever, staffing, answer);
  if ("error" in next) return { ...s, message: next.error };
  const what = `${lever.label}${lever.path === STAFFING_PATH ? ` (${s.scenario.areas[staffing.area]?.name} from ${staffing.from})` : ""}`;
  return { ...s, scenario: next.scenario, staffing: lever.path === STAFFING_PATH ? staffing : s.staffing, message: `Applied ${what} = ${leverFigure(search, answer)} (u undoes every edit)` };
}
