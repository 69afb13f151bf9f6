import { Command } from "commander";
import { selfCheckCommand, runSelfCheck } from "./commands/selfcheck.js";
import { packageInfo } from "./package-info.js";

/** Where the program's output goes; tests pass their own. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Builds the `hubsim` commander program. */
export function buildProgram(io: Io): Command {
  const program = new Command()
    .name("hubsim")
    .description("Simulate Cafcass allocation hub backlogs and the cost of extending Cafcass Plus.")
    .version(packageInfo().version, "-V, --version", "print hubsim's version")
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride()
    .action(() => {
      // Until the model lands, the main job is the kernel's self-check.
      runSelfCheck({ reps: 10, seed: 1 }, io.out);
    });
  selfCheckCommand(program, io.out);
  return program;
}
