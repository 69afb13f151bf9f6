import type { Scenario } from "../model/index.js";
import { leverText, SCENARIO_LEVERS } from "./levers.js";
import { Block } from "./block.js";
import { STAFFING_NOTE, staffingSetting, type StaffingDraft } from "./staffing-lever.js";
import { usePaint } from "./theme.js";
import { wrapParts } from "./wrap-parts.js";

/** A scenario file the user can open. */
export interface CatalogEntry {
  readonly file: string;
  readonly scenario: Scenario;
}

const LABEL = 32, VALUE = 10;

/** What each way of arriving means (model/scenario/area-schema.ts). */
const ARRIVING = { start: "new starters, ramping up", recruit: "vacancies, filled by recruitment", transfer: "experienced, at full caseload" } as const;

const signed = (x: number): string => (x > 0 ? `+${x}` : x < 0 ? `−${-x}` : "0");

/** The staffing lever's rows: label, value and a note on what the value means. */
function staffingRows(scenario: Scenario, draft: StaffingDraft): (readonly [string, string, string])[] {
  const area = scenario.areas[Math.min(draft.area, scenario.areas.length - 1)]!, set = staffingSetting(scenario, draft);
  return [
    ["Extra FTE in (area)", area.name, `has ${area.fca.longTermFte} long-term FTE`],
    ["  long-term FTE, steps of 5", signed(set.fte), set.fte === 0 ? "no change: → adds, ← cuts" : set.fte < 0 ? "a cut: posts closed, cases handed back" : "posts added"],
    ["  from (steps of 4 weeks)", set.from, ""],
    ["  arriving as", set.how, set.fte < 0 ? "(not used for a cut)" : ARRIVING[set.how]],
  ];
}

/** Every dated staffing change in the scenario, in a few words each. */
function staffingSummary(scenario: Scenario): string[] {
  const changes = scenario.areas.flatMap((a) => a.staffing.map((c) => `${a.name} ${signed(c.fte)} FTE from ${c.from} (${c.fte < 0 ? "cut" : c.how}${c.note === undefined || c.note === STAFFING_NOTE ? "" : `: ${c.note}`})`));
  return changes.length === 0 ? [] : [`Staffing changes: ${changes.join("; ")}`];
}

/**
 * The Scenario view: the scenario files to open, then the main levers of the scenario on screen
 * and the staffing lever (one cursor runs down them all, the list scrolling to keep it in view),
 * the staffing changes made, the save prompt when open, and the description.
 */
export function ScenarioView({ catalog, scenario, loadedFile, edited, selected, staffing, prompt, message, width, height }: {
  readonly catalog: readonly CatalogEntry[]; readonly scenario: Scenario; readonly loadedFile: string; readonly edited: boolean;
  readonly selected: number; readonly staffing: StaffingDraft; readonly prompt: string | undefined; readonly message: string | undefined;
  readonly width: number; readonly height: number;
}) {
  const paint = usePaint();
  const row = (i: number, text: string): string => (i === selected ? paint.inverse(`› ${text}`) : `  ${text}`);
  const lever = (i: number, label: string, value: string, note: string): string => `${row(i, `${label.padEnd(LABEL)}${value.padStart(VALUE)}`)}${note === "" ? "" : paint.dim(`  ${note}`)}`;
  const fileWidth = Math.max(...catalog.map((c) => c.file.length)) + 2, levers = catalog.length + SCENARIO_LEVERS.length;
  const list = [
    paint.bold("Scenario files (Enter opens; ● = open now)"),
    ...catalog.map((c, i) => row(i, `${c.file === loadedFile ? "● " : "  "}${c.file.padEnd(fileWidth)}${paint.dim(c.scenario.name)}`)),
    paint.bold(`Levers of "${scenario.name}"${edited ? " (edited)" : ""} (←/→ change; w saves as a new file)`),
    ...SCENARIO_LEVERS.map((l, j) => lever(catalog.length + j, l.label, leverText(scenario, l), "")),
    ...staffingRows(scenario, staffing).map(([label, value, note], k) => lever(levers + k, label, value, note)),
  ];
  const tail = [...staffingSummary(scenario).flatMap((l) => wrapParts(l.split(" "), width, " ", "  ").slice(0, 2)).map((l) => paint.dim(l))];
  if (prompt !== undefined) tail.push(`Save as: ${paint.bold(prompt)}█  ${paint.dim("(Enter saves, Esc cancels)")}`);
  if (message !== undefined) tail.push(message);
  tail.push(paint.dim(scenario.description.length > width ? `${scenario.description.slice(0, width - 1)}…` : scenario.description));
  // The selected row's line: one heading above the files, two above the levers.
  const at = selected + (selected < catalog.length ? 1 : 2), room = Math.max(1, height - tail.length);
  const first = Math.min(Math.max(0, at - room + 1), Math.max(0, list.length - room));
  return <Block lines={[...list.slice(first, first + room), ...tail]} width={width} />;
}
