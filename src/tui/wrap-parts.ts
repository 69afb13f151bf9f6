import { columns } from "./columns.js";

/**
 * Parts joined by `separator` and broken into lines of at most `width` columns, never inside a
 * part; lines after the first start with `indent`. A part wider than a line gets a line of its own
 * (the Block then cuts it). Words of a sentence: `wrapParts(text.split(" "), width)`.
 */
export function wrapParts(parts: readonly string[], width: number, separator = " ", indent = ""): string[] {
  const lines: string[] = [];
  let line = "";
  for (const part of parts) {
    if (line === "") line = lines.length === 0 ? part : indent + part;
    else if (columns(line) + columns(separator) + columns(part) <= width) line += separator + part;
    else {
      lines.push(line);
      line = indent + part;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
