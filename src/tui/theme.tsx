import { createContext, useContext, type ReactNode } from "react";
import { Text } from "ink";

/** Whether the UI may use colour (false under NO_COLOR or on a terminal without colour). */
export const ColourContext = createContext(true);

/** Text in a colour when colour is allowed, plain otherwise. */
export function Paint({ color, dim, bold, children }: { readonly color?: string; readonly dim?: boolean; readonly bold?: boolean; readonly children: ReactNode }) {
  const colour = useContext(ColourContext);
  return <Text color={colour ? color : undefined} dimColor={colour ? dim : undefined} bold={bold}>{children}</Text>;
}
