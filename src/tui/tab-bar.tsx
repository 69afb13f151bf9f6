import { Text } from "ink";
import { Paint } from "./theme.js";

/** The views, in tab order. */
export const VIEWS = ["Overview", "Areas", "Protocol", "Scenario"] as const;
export type View = (typeof VIEWS)[number];

/** The tab bar: every view with its number key, the current one highlighted. */
export function TabBar({ view, width }: { readonly view: View; readonly width: number }) {
  const tabs = VIEWS.map((v, i) => ({ v, text: ` ${i + 1} ${v} ` }));
  const used = 7 + tabs.reduce((s, t) => s + t.text.length + 1, 0), hint = "? help  q quit";
  return (
    <Text>
      <Paint bold color="cyan">hubsim </Paint>
      {tabs.map(({ v, text }) => (
        <Text key={v}>
          {v === view ? <Text inverse bold>{text}</Text> : <Text>{text}</Text>}
          {" "}
        </Text>
      ))}
      <Paint dim>{width - used > hint.length ? hint.padStart(width - used) : ""}</Paint>
    </Text>
  );
}
