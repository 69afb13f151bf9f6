/** A one-line progress bar for a terminal, redrawn in place; silent when not a TTY. */
export function progressBar(stream: NodeJS.WriteStream, label: string): { update: (done: number, total: number) => void; end: () => void } {
  if (!stream.isTTY) return { update: () => {}, end: () => {} };
  return {
    update: (done, total) => {
      const width = 30, filled = Math.round((width * done) / Math.max(1, total));
      stream.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`);
    },
    end: () => stream.write("\r\x1b[K"),
  };
}
