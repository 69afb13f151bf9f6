// Colour codes, which take no columns.
const ANSI = /\u001B\[[0-9;]*m/g;

/** The line without its colour codes. */
export const plainText = (s: string): string => (s.includes("\u001B") ? s.replace(ANSI, "") : s);

/** Columns a painted line takes: every character the TUI draws is one column wide. */
export const columns = (s: string): number => plainText(s).length;
