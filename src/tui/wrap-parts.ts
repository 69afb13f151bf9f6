import { wrapParts as wrap } from "../report/index.js";
import { columns } from "./columns.js";

/**
 * Parts joined by `separator` and broken into lines of at most `width` terminal columns (colour
 * codes take none), never inside a part; lines after the first start with `indent`. Words of a
 * sentence: `wrapParts(text.split(" "), width)`.
 */
export function wrapParts(parts: readonly string[], width: number, separator = " ", indent = ""): string[] {
  return wrap(parts, width, separator, indent, columns);
}
