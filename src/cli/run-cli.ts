import { CommanderError } from "commander";
import type { Io } from "./context.js";
import { buildProgram } from "./program.js";
import { PosteriorConflict } from "../experiment/index.js";
import { EXIT, UserError } from "./user-error.js";

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit code: the single
 * error boundary, so every failure becomes a one-line message and a chosen code.
 */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv], { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage; // commander has already printed the message
    }
    if (error instanceof UserError || error instanceof PosteriorConflict) {
      io.err(`hubsim: ${error.message}`);
      return EXIT.usage;
    }
    io.err(`hubsim: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.failure;
  }
}
