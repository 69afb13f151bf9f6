import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "./user-error.js";

/**
 * Writes several files into `dir` so that none is ever seen half-written: each goes to a
 * temporary name first and all are renamed into place only after every one has been written.
 */
export function writeFilesAtomically(dir: string, files: Readonly<Record<string, string>>): string[] {
  try {
    return writeAll(dir, files);
  } catch (error) {
    throw new UserError(`cannot write to ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function writeAll(dir: string, files: Readonly<Record<string, string>>): string[] {
  mkdirSync(dir, { recursive: true });
  const plan = Object.entries(files).map(([name, text]) => ({ text, temp: join(dir, `.${name}.${process.pid}.tmp`), final: join(dir, name) }));
  try {
    for (const p of plan) writeFileSync(p.temp, p.text);
    for (const p of plan) renameSync(p.temp, p.final);
  } catch (error) {
    for (const p of plan) rmSync(p.temp, { force: true });
    throw error;
  }
  return plan.map((p) => p.final);
}
