import type { Scenario } from "../model/index.js";
import { leverText, SCENARIO_LEVERS } from "./levers.js";
import { Block } from "./block.js";
import { usePaint } from "./theme.js";

/** A scenario file the user can open. */
export interface CatalogEntry {
  readonly file: string;
  readonly scenario: Scenario;
}

/**
 * The Scenario view: the scenario files to open, then the main levers of the scenario on
 * screen (one cursor runs down both lists), the save prompt when open, and the description.
 */
export function ScenarioView({ catalog, scenario, loadedFile, edited, selected, prompt, message, width }: {
  readonly catalog: readonly CatalogEntry[]; readonly scenario: Scenario; readonly loadedFile: string; readonly edited: boolean;
  readonly selected: number; readonly prompt: string | undefined; readonly message: string | undefined; readonly width: number;
}) {
  const paint = usePaint();
  const row = (i: number, text: string): string => (i === selected ? paint.inverse(`› ${text}`) : `  ${text}`);
  const fileWidth = Math.max(...catalog.map((c) => c.file.length)) + 2;
  const lines = [
    paint.bold("Scenario files (Enter opens; ● = open now)"),
    ...catalog.map((c, i) => row(i, `${c.file === loadedFile ? "● " : "  "}${c.file.padEnd(fileWidth)}${paint.dim(c.scenario.name)}`)),
    paint.bold(`Levers of "${scenario.name}"${edited ? " (edited)" : ""} (←/→ change; w saves as a new file)`),
    ...SCENARIO_LEVERS.map((lever, j) => row(catalog.length + j, `${lever.label.padEnd(28)}${leverText(scenario, lever).padStart(8)}`)),
  ];
  if (prompt !== undefined) lines.push(`Save as: ${paint.bold(prompt)}█  ${paint.dim("(Enter saves, Esc cancels)")}`);
  if (message !== undefined) lines.push(message);
  lines.push(paint.dim(scenario.description.length > width ? `${scenario.description.slice(0, width - 1)}…` : scenario.description));
  return <Block lines={lines} width={width} />;
}
