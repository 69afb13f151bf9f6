import type { Command } from "commander";
import { kernelSelfCheck, type SelfCheckRow } from "../../experiment/index.js";
import { selfCheckReport } from "../../report/index.js";
import { integerIn } from "../options.js";

interface SelfCheckOptions { reps: number; seed: number; json?: boolean }

/** Runs the kernel self-check and prints it; resolves to the rows. */
export function runSelfCheck(options: SelfCheckOptions, write: (text: string) => void): SelfCheckRow[] {
  const rows = [...kernelSelfCheck(options.reps, options.seed)];
  write(options.json ? JSON.stringify({ replications: options.reps, seed: options.seed, rows }, null, 2) : selfCheckReport(rows, options.reps, options.seed));
  return rows;
}

/** `hubsim selfcheck`: validates the simulation kernel against queueing theory. */
export function selfCheckCommand(program: Command, write: (text: string) => void): void {
  program
    .command("selfcheck")
    .description("validate the simulation kernel against queueing theory (M/M/1, M/M/20, priority M/M/10)")
    .option("--reps <n>", "replications per queue", integerIn(2, 1000), 10)
    .option("--seed <n>", "random seed", integerIn(0, Number.MAX_SAFE_INTEGER), 1)
    .option("--json", "print JSON instead of a table")
    .action((options: SelfCheckOptions) => {
      runSelfCheck(options, write);
    });
}
