import { Box, Text } from "ink";

/** Every key, by where it works. */
export const KEYS: readonly (readonly [string, string])[] = [
  ["1–4, Tab, Shift+Tab", "switch view (Overview, Areas, Protocol, Scenario)"],
  ["?", "show or hide this help"],
  ["q, Ctrl+C", "quit"],
  ["Overview: m", "cycle the main chart: hub backlog, open cases, time held, caseload, FCAs absent"],
  ["Areas: ↑/↓, PgUp/PgDn", "select an area"],
  ["Areas: s / r", "sort by the next column / reverse the order"],
  ["Areas: Enter, Esc", "open the area's charts, back to the table"],
  ["Protocol: ↑/↓", "select a threshold"],
  ["Protocol: ←/→ or -/+", "lower or raise it (Space switches the protocol on or off); the forecast re-runs"],
  ["Protocol, Scenario: u", "undo every edit (back to the scenario as loaded)"],
  ["Scenario: ↑/↓, Enter", "select; open a scenario file"],
  ["Scenario: ←/→ or -/+", "change a lever (demand, FTE, sickness, recruitment delay, horizon, replications, seed)"],
  ["Scenario: w", "save the edited scenario to a new file (checked, written atomically)"],
];

/** The help screen. */
export function HelpView() {
  const width = Math.max(...KEYS.map(([k]) => k.length)) + 2;
  return (
    <Box flexDirection="column">
      <Text bold>Keys</Text>
      {KEYS.map(([k, what]) => <Text key={k} wrap="truncate-end"><Text bold>{k.padEnd(width)}</Text>{what}</Text>)}
      <Text> </Text>
      <Text wrap="wrap">Runs happen on worker threads: a new edit cancels the run in flight, the first replication draws its weeks as they are simulated, then the bands tighten as replications land.</Text>
    </Box>
  );
}
