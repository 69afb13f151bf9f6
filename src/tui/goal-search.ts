import { expectedEvaluations, type RunPlan, type SeekEvent, type SeekPoint, type SeekResult, type SeekSpec } from "../experiment/index.js";
import type { Scenario } from "../model/index.js";
import { goalPlan, type GoalDraft } from "./goal-draft.js";

/** A search started from the Goal view, as it stands: the values tried so far, then the result (or why it stopped). */
export interface GoalSearch {
  /** Numbered so each search is started once and late events of an earlier one are dropped. */
  readonly id: number;
  /** The draft and the scenario (as on screen) it was started from, so the answer applies to the same lever. */
  readonly draft: GoalDraft;
  readonly scenario: Scenario;
  readonly base: Scenario;
  readonly spec: SeekSpec;
  readonly plan: RunPlan;
  readonly status: "running" | "cancelled" | "done" | "failed";
  /** The values tried, in the order they finished. */
  readonly points: readonly SeekPoint[];
  /** At most this many values will be tried. */
  readonly expected: number;
  readonly result: SeekResult | undefined;
  readonly error: string | undefined;
  /** Seconds from the start to the latest event. */
  readonly seconds: number;
}

/** A new search of the draft on the scenario, numbered `id`, or why the draft cannot be searched. */
export function startSearch(scenario: Scenario, draft: GoalDraft, id: number): { readonly search: GoalSearch } | { readonly error: string } {
  const planned = goalPlan(scenario, draft);
  if ("error" in planned) return planned;
  const { base, spec, plan } = planned;
  return { search: { id, draft, scenario, base, spec, plan, status: "running", points: [], expected: expectedEvaluations(spec), result: undefined, error: undefined, seconds: 0 } };
}

/** The search after one of its events: a value tried, or the result. */
export function onSeekEvent(s: GoalSearch, event: SeekEvent, seconds: number): GoalSearch {
  if (s.status !== "running") return s;
  return event.kind === "point" ? { ...s, points: [...s.points, event.point], seconds } : { ...s, status: "done", result: event.result, seconds };
}

/** The search stopped by the user (a finished one stays finished). */
export const cancelSearch = (s: GoalSearch): GoalSearch => (s.status === "running" ? { ...s, status: "cancelled" } : s);

/** The search stopped by an error. */
export const failSearch = (s: GoalSearch, error: string): GoalSearch => (s.status === "running" ? { ...s, status: "failed", error } : s);
