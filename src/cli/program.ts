import { availableParallelism } from "node:os";
import { Command } from "commander";
import { appraiseCommand } from "./commands/appraise.js";
import { backtestCommand } from "./commands/backtest.js";
import { compareCommand } from "./commands/compare.js";
import { mergeCommand } from "./commands/merge.js";
import { rerunCommand } from "./commands/rerun.js";
import { reportCommand } from "./commands/report.js";
import { runCommand, runCommandSpec } from "./commands/run.js";
import { defaultScenario } from "./forecast-output.js";
import { scenarioCommand } from "./commands/scenario.js";
import { schemaCommand } from "./commands/schema.js";
import { sweepCommand } from "./commands/sweep.js";
import { seekCommand } from "./commands/seek.js";
import { calibrateCommand } from "./commands/calibrate.js";
import { selfCheckCommand } from "./commands/selfcheck.js";
import { openTui, tuiCommand } from "./commands/tui.js";
import type { Io } from "./context.js";
import { packageInfo } from "./package-info.js";
import { UserError } from "./user-error.js";

export type { Io } from "./context.js";

/** Builds the `hubsim` commander program. */
export function buildProgram(io: Io): Command {
  const program = new Command()
    .name("hubsim")
    .description("Simulate Cafcass allocation hub backlogs and the cost of extending Cafcass Plus.")
    .version(packageInfo().version, "-V, --version", "print hubsim's version")
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride()
    .allowExcessArguments(true)
    .action(async (_options: unknown, command: Command) => {
      const [word] = command.args;
      if (word !== undefined) {
        const known = command.commands.map((c) => c.name()).join(", ");
        throw new UserError(`unknown command '${word}' (commands: ${known}; see hubsim --help)`);
      }
      // The main job: the TUI on a terminal, else the same forecast as plain text (pipes, CI).
      if (io.interactive === true) await openTui(defaultScenario(), availableParallelism(), io);
      else await runCommand(defaultScenario(), { workers: availableParallelism() }, io);
    });
  runCommandSpec(program, io);
  compareCommand(program, io);
  sweepCommand(program, io);
  seekCommand(program, io);
  calibrateCommand(program, io);
  mergeCommand(program, io);
  rerunCommand(program, io);
  backtestCommand(program, io);
  appraiseCommand(program, io);
  reportCommand(program, io);
  scenarioCommand(program, io);
  schemaCommand(program, io);
  selfCheckCommand(program, io.out);
  tuiCommand(program, io);
  // Only the bare `hubsim` takes stray words (to name an unknown command); a command given an extra file refuses it.
  for (const c of program.commands) c.allowExcessArguments(false);
  return program;
}
