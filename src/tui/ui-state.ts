import type { Key } from "ink";
import { declaredNames, PLUS, whereOf } from "../experiment/index.js";
import type { Scenario } from "../model/index.js";
import { moveLever, PROTOCOL_LEVERS, SCENARIO_LEVERS, toggleRollout, TRIGGER_LEVER, type Lever } from "./levers.js";
import { OVERVIEW_METRICS } from "./overview-view.js";
import type { CatalogEntry } from "./scenario-view.js";
import { firstGoalDraft, type GoalDraft } from "./goal-draft.js";
import { onGoalKey } from "./goal-keys.js";
import { failSearch, onSeekEvent, type GoalSearch } from "./goal-search.js";
import type { SeekReport } from "./use-live-seek.js";
import { firstStaffingDraft, moveStaffing, STAFFING_FIELDS, type StaffingDraft } from "./staffing-lever.js";
import { VIEWS, type View } from "./tab-bar.js";
import { AREA_SORTS, type AreaSort } from "./view-model.js";

/** Everything the keyboard changes. Keys are folded in by `onKey`, so fast typing never meets a stale state. */
export interface UiState {
  readonly view: View;
  readonly help: boolean;
  readonly metricIndex: number;
  /** The selected area, by its index in the scenario (so a re-sort never changes which area it is). */
  readonly selectedArea: number;
  readonly sort: AreaSort;
  readonly reverse: boolean;
  readonly detail: boolean;
  readonly protocolCursor: number;
  readonly plusCursor: number;
  /** The Interventions view's chosen intervention, by name (cafcass-plus or a declared one). */
  readonly intervention: string;
  readonly scenarioCursor: number;
  /** The Scenario view's staffing lever: its area, and the date and arrival for an area with no change yet. */
  readonly staffing: StaffingDraft;
  /** The Goal view: its selected row, the search drafted, and the latest search started. */
  readonly goalCursor: number;
  readonly goal: GoalDraft;
  readonly search: GoalSearch | undefined;
  readonly loaded: CatalogEntry;
  readonly scenario: Scenario;
  readonly message: string | undefined;
  /** The file name being typed for "save as". */
  readonly prompt: string | undefined;
  /** A save the app should carry out (numbered so each is done once). */
  readonly save: { readonly id: number; readonly file: string; readonly scenario: Scenario } | undefined;
  readonly quit: boolean;
}

/** The intervention the Interventions view opens on: the first declared one with roll-out areas, else Cafcass Plus. */
function firstIntervention(scenario: Scenario): string {
  return declaredNames(scenario).find((n) => whereOf(scenario, n).rollout.areas.length > 0) ?? PLUS;
}

/** The state the app opens in. */
export function initialUiState(loaded: CatalogEntry): UiState {
  return {
    view: "Overview", help: false, metricIndex: 0, selectedArea: 0, sort: "name", reverse: false, detail: false,
    protocolCursor: 1, plusCursor: 0, intervention: firstIntervention(loaded.scenario), scenarioCursor: 0, staffing: firstStaffingDraft(loaded.scenario),
    goalCursor: 0, goal: firstGoalDraft(loaded.scenario), search: undefined, loaded, scenario: loaded.scenario, message: undefined, prompt: undefined, save: undefined, quit: false,
  };
}

/**
 * What changes state: a key press (with the Areas table's order of area indices as drawn, which
 * arrow keys move through), a message from outside (a save's outcome), or news of the Goal view's search.
 */
export type UiAction =
  | { readonly kind: "key"; readonly input: string; readonly key: Partial<Key>; readonly order?: readonly number[] }
  | { readonly kind: "message"; readonly text: string }
  | SeekReport;

const clamp = (i: number, n: number): number => Math.max(0, Math.min(n - 1, i));

/** The next state after an action; `catalog` is the list of scenario files the Scenario view offers. */
export function onAction(catalog: readonly CatalogEntry[]) {
  return (s: UiState, action: UiAction): UiState => {
    switch (action.kind) {
      case "message": return { ...s, message: action.text };
      case "key": return onKey(s, action.input, action.key, catalog, action.order);
      default: return s.search?.id !== action.id ? s : { ...s, search: action.kind === "seek" ? onSeekEvent(s.search, action.event, action.seconds) : failSearch(s.search, action.error) };
    }
  };
}

function onKey(s: UiState, input: string, key: Partial<Key>, catalog: readonly CatalogEntry[], order?: readonly number[]): UiState {
  if (s.prompt !== undefined) return onPromptKey(s, input, key);
  if (input === "q") return { ...s, quit: true };
  if (input === "?") return { ...s, help: !s.help };
  if (s.help) return key.escape === true ? { ...s, help: false } : s;
  const number = VIEWS.findIndex((_, i) => input === String(i + 1));
  if (number >= 0) return { ...s, view: VIEWS[number]!, message: undefined };
  if (key.tab === true) return { ...s, view: VIEWS[(VIEWS.indexOf(s.view) + (key.shift === true ? VIEWS.length - 1 : 1)) % VIEWS.length]!, message: undefined };
  const vertical = key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -10 : key.pageDown ? 10 : 0;
  const sideways = key.leftArrow || input === "-" ? -1 : key.rightArrow || input === "+" || input === "=" ? 1 : 0;
  const move = (lever: Lever, direction: 1 | -1): UiState => {
    const next = moveLever(s.scenario, lever, direction);
    return "error" in next ? { ...s, message: next.error } : { ...s, scenario: next.scenario, message: undefined };
  };
  if ((s.view === "Protocol" || s.view === "Interventions" || s.view === "Scenario" || s.view === "Goal") && input === "u") return { ...s, scenario: s.loaded.scenario, message: "Back to the scenario as loaded" };
  switch (s.view) {
    case "Overview":
      return input === "m" ? { ...s, metricIndex: (s.metricIndex + 1) % OVERVIEW_METRICS.length } : s;
    case "Areas":
      if (s.detail) return key.escape || key.backspace ? { ...s, detail: false } : s;
      if (vertical !== 0) {
        const rows = order !== undefined && order.length > 0 ? order : s.scenario.areas.map((_, i) => i);
        return { ...s, selectedArea: rows[clamp(Math.max(0, rows.indexOf(s.selectedArea)) + vertical, rows.length)]! };
      }
      if (key.return) return { ...s, detail: true };
      if (input === "s") return { ...s, sort: AREA_SORTS[(AREA_SORTS.indexOf(s.sort) + 1) % AREA_SORTS.length]! };
      return input === "r" ? { ...s, reverse: !s.reverse } : s;
    case "Protocol":
      if (vertical !== 0) return { ...s, protocolCursor: clamp(s.protocolCursor + vertical, PROTOCOL_LEVERS.length) };
      if (sideways !== 0) return move(PROTOCOL_LEVERS[s.protocolCursor]!, sideways);
      if (input === "t") return move(TRIGGER_LEVER, 1);
      return input === " " ? move(PROTOCOL_LEVERS[0]!, 1) : s;
    case "Interventions": {
      const names = declaredNames(s.scenario), at = Math.max(0, names.indexOf(s.intervention));
      if (vertical !== 0) return { ...s, plusCursor: clamp(s.plusCursor + vertical, s.scenario.areas.length) };
      if (sideways !== 0) return { ...s, intervention: names[(at + sideways + names.length) % names.length]!, message: undefined };
      if (input !== " ") return s;
      {
        const next = toggleRollout(s.scenario, s.scenario.areas[clamp(s.plusCursor, s.scenario.areas.length)]!.name, names[at]!);
        return "error" in next ? { ...s, message: next.error } : { ...s, scenario: next.scenario, message: undefined };
      }
    }
    case "Scenario": {
      const levers = catalog.length + SCENARIO_LEVERS.length;
      const lever = SCENARIO_LEVERS[s.scenarioCursor - catalog.length], staffing = STAFFING_FIELDS[s.scenarioCursor - levers];
      if (vertical !== 0) return { ...s, scenarioCursor: clamp(s.scenarioCursor + vertical, levers + STAFFING_FIELDS.length) };
      if (key.return && s.scenarioCursor < catalog.length) {
        const entry = catalog[s.scenarioCursor]!;
        return { ...s, loaded: entry, scenario: entry.scenario, selectedArea: 0, plusCursor: 0, intervention: firstIntervention(entry.scenario), staffing: firstStaffingDraft(entry.scenario), goal: firstGoalDraft(entry.scenario), goalCursor: 0, search: undefined, detail: false, message: `Opened ${entry.file}` };
      }
      if (sideways !== 0 && lever !== undefined) return move(lever, sideways);
      if (sideways !== 0 && staffing !== undefined) {
        const next = moveStaffing(s.scenario, s.staffing, staffing, sideways);
        return "error" in next ? { ...s, message: next.error } : { ...s, scenario: next.scenario, staffing: next.draft, message: undefined };
      }
      return input === "w" ? { ...s, prompt: `scenarios/${s.scenario.name}-edited.json`, message: undefined } : s;
    }
    case "Goal":
      return onGoalKey(s, input, key);
  }
}

function onPromptKey(s: UiState, input: string, key: Partial<Key>): UiState {
  const prompt = s.prompt!;
  if (key.escape) return { ...s, prompt: undefined, message: "Not saved" };
  if (key.return) {
    const file = prompt.trim();
    return { ...s, prompt: undefined, message: `Saving ${file}…`, save: { id: (s.save?.id ?? 0) + 1, file, scenario: s.scenario } };
  }
  if (key.backspace || key.delete) return { ...s, prompt: prompt.slice(0, -1) };
  return key.ctrl || key.meta || input.length === 0 ? s : { ...s, prompt: prompt + input };
}
