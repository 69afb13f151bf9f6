import { Text } from "ink";
import { usePaint } from "./theme.js";

/** The views, in tab order. */
export const VIEWS = ["Overview", "Areas", "Protocol", "Interventions", "Scenario", "Goal"] as const;
export type View = (typeof VIEWS)[number];

/** The tab bar: every view with its number key, the current one highlighted. */
export function TabBar({ view, width }: { readonly view: View | undefined; readonly width: number }) {
  const paint = usePaint();
  const tabs = VIEWS.map((v, i) => ({ v, text: ` ${i + 1} ${v} ` }));
  // Tabs are padded already, so they sit side by side: six fit 80 columns.
  const used = 7 + tabs.reduce((s, t) => s + t.text.length, 0) + 1, hint = "? help  q quit";
  const bar = tabs.map(({ v, text }) => (v === view ? paint.inverse.bold(text) : text)).join("");
  return <Text wrap="truncate">{`${paint.bold.cyan("hubsim")} ${bar} ${paint.dim(width - used > hint.length ? hint.padStart(width - used) : "")}`}</Text>;
}
