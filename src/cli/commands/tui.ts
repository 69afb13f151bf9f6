import { availableParallelism } from "node:os";
import type { Command } from "commander";
import type { Io } from "../context.js";
import { defaultScenario } from "../forecast-output.js";

/** Opens the TUI (see open-tui.tsx, loaded on demand so other commands never load ink and React). */
export async function openTui(file: string, workers: number, io: Io, posterior?: string): Promise<void> {
  const { openTui: open } = await import("../open-tui.js");
  await open(file, workers, io, posterior);
}

/** Registers `hubsim tui [scenario]`. */
export function tuiCommand(program: Command, io: Io): void {
  program
    .command("tui")
    .description("open the interactive what-if workbench (needs a terminal)")
    .argument("[scenario]", "scenario file to open", defaultScenario())
    .option("--workers <n>", "worker threads for the runs", (v) => Number.parseInt(v, 10), availableParallelism())
    .option("--posterior <file>", "draw each replication's uncertain inputs from this calibration (posterior.json), so bands hold parameter uncertainty too")
    .action(async (file: string, options: { workers: number; posterior?: string }) => {
      await openTui(file, options.workers, io, options.posterior);
    });
}
