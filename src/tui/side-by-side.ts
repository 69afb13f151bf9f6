import { columns } from "./columns.js";

/** Two columns of lines as one: each left line padded to `leftWidth` columns, then `gap` spaces, then the right line. */
export function sideBySide(left: readonly string[], right: readonly string[], leftWidth: number, gap = 2): string[] {
  return Array.from({ length: Math.max(left.length, right.length) }, (_, i) => {
    const l = left[i] ?? "", r = right[i] ?? "";
    return r === "" ? l : `${l}${" ".repeat(Math.max(0, leftWidth - columns(l)) + gap)}${r}`;
  });
}
