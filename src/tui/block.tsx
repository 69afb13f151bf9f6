import cliTruncate from "cli-truncate";
import { Text } from "ink";

/**
 * Lines drawn as one <Text>: each cut to `width` columns (colour codes and wide characters
 * counted properly), so no line ever wraps and pushes the screen down.
 */
export function Block({ lines, width }: { readonly lines: readonly string[]; readonly width: number }) {
  return <Text>{lines.map((line) => cliTruncate(line, width, { position: "end" })).join("\n")}</Text>;
}
