import { Block } from "./block.js";
import { usePaint } from "./theme.js";

/** Every key, by where it works. */
export const KEYS: readonly (readonly [string, string])[] = [
  ["1–6, Tab, Shift+Tab", "switch view (numbered as on the tab bar)"],
  ["?, q (Ctrl+C)", "show or hide this help; quit"],
  ["Overview: m", "next chart: hubs, awaiting, open cases, waits, caseload"],
  ["Areas: ↑/↓, PgUp/PgDn", "select an area"],
  ["Areas: s / r", "sort by the next column / reverse the order"],
  ["Areas: Enter, Esc", "open the area's charts, back to the table"],
  ["Protocol: ↑/↓", "select a threshold"],
  ["Protocol: ←/→ or -/+", "lower or raise it; the forecast re-runs at once"],
  ["Protocol: t, Space", "trigger: unallocated work or open cases; protocol on/off"],
  ["Interventions: ←/→ ↑/↓", "choose an intervention, an area; Space: in or out of its roll-out"],
  ["Scenario: ↑/↓, Enter", "select; open a scenario file"],
  ["Scenario: ←/→ or -/+", "change a lever: demand, FTE, sickness, horizon, extra FTE"],
  ["Scenario: w", "save the edited scenario as a new file (checked, atomic)"],
  ["Goal: ↑/↓, ←/→", "choose a lever and its range, a target, a confidence"],
  ["Goal: Enter, Esc, a", "search, each value shown as tried; cancel; apply answer"],
  ["Views 3–6: u", "undo every edit (back to the scenario as loaded)"],
];

/** The help screen: every key, and how runs behave. */
export function HelpView({ width }: { readonly width: number }) {
  const paint = usePaint();
  const keyWidth = Math.max(...KEYS.map(([k]) => k.length)) + 2;
  return (
    <Block
      width={width}
      lines={[
        paint.bold("Keys"),
        ...KEYS.map(([k, what]) => `${paint.bold(k.padEnd(keyWidth))}${what}`),
        "",
        "Runs go to worker threads; an edit cancels the run in flight, and bands tighten",
        "as replications land. Every run uses the same seeds, so changes are paired.",
      ]}
    />
  );
}
