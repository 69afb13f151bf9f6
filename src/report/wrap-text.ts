/**
 * Parts joined by `separator` and broken into lines of at most `width` (as `length` measures a
 * string: characters by default, terminal columns for painted text), never inside a part; lines
 * after the first start with `indent`. A part wider than a line gets a line of its own.
 */
export function wrapParts(parts: readonly string[], width: number, separator = " ", indent = "", length: (s: string) => number = (s) => s.length): string[] {
  const lines: string[] = [];
  let line = "";
  for (const part of parts) {
    if (line === "") line = lines.length === 0 ? part : indent + part;
    else if (length(line) + length(separator) + length(part) <= width) line += separator + part;
    else {
      lines.push(line);
      line = indent + part;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Wraps a paragraph at spaces so no line is longer than `width` (a longer word keeps its own line). */
export function wrapText(text: string, width = 100): string[] {
  return wrapParts(text.split(/ +/).filter((w) => w !== ""), width);
}
