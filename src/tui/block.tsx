import cliTruncate from "cli-truncate";
import { Text } from "ink";
import { columns } from "./columns.js";

/** A line cut to `width` columns; lines that surely fit are left alone (measuring every line costs a frame). */
function fit(line: string, width: number): string {
  // Every character the TUI draws is one column wide, so a line with no more code points than
  // `width` fits; only longer ones need cli-truncate's exact measure.
  return columns(line) <= width ? line : cliTruncate(line, width, { position: "end" });
}

/**
 * Lines drawn as one <Text>: each cut to `width` columns (colour codes and wide characters
 * counted properly), so no line ever wraps and pushes the screen down.
 */
export function Block({ lines, width }: { readonly lines: readonly string[]; readonly width: number }) {
  return <Text>{lines.map((line) => fit(line, width)).join("\n")}</Text>;
}
