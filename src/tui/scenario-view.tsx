import { Box, Text } from "ink";
import type { Scenario } from "../model/index.js";
import { leverText, SCENARIO_LEVERS } from "./levers.js";
import { Paint } from "./theme.js";

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
  const mark = (i: number): string => (i === selected ? "› " : "  ");
  return (
    <Box flexDirection="column">
      <Text bold>Scenario files (Enter opens)</Text>
      {catalog.map((c, i) => (
        <Text key={c.file} inverse={i === selected} wrap="truncate-end">
          {mark(i)}{(c.file === loadedFile ? "● " : "  ") + c.file.padEnd(34)}<Paint dim>{c.scenario.name}</Paint>
        </Text>
      ))}
      <Text bold>{`Levers of "${scenario.name}"${edited ? " (edited)" : ""} (←/→ change)`}</Text>
      {SCENARIO_LEVERS.map((lever, j) => {
        const i = catalog.length + j;
        return (
          <Text key={lever.path} inverse={i === selected}>
            {mark(i)}{lever.label.padEnd(28)}{leverText(scenario, lever).padStart(8)}
          </Text>
        );
      })}
      {prompt !== undefined ? <Text>Save as: <Text bold>{prompt}</Text>█  <Paint dim>(Enter saves, Esc cancels)</Paint></Text> : null}
      {message !== undefined ? <Text wrap="truncate-end">{message}</Text> : null}
      <Paint dim><Text wrap="truncate-end">{scenario.description.slice(0, Math.max(0, width * 2))}</Text></Paint>
    </Box>
  );
}
