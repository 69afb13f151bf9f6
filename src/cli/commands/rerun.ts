import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { parseScenario } from "../../model/index.js";
import { writeFilesAtomically } from "../atomic-write.js";
import type { Io } from "../context.js";
import { integerIn } from "../options.js";
import { scenarioHash } from "../run-record.js";
import { readJson } from "../scenario-loader.js";
import { UserError } from "../user-error.js";
import { runCommand } from "./run.js";

const recordSchema = z.object({
  scenario: z.object({ file: z.string(), sha256: z.string(), content: z.unknown() }),
  seed: z.number().int().nonnegative(),
  replications: z.number().int().positive(),
});

/** `hubsim rerun run.json`: runs a recorded run again from its record alone, reproducing its outputs exactly. */
export function rerunCommand(program: Command, io: Io): void {
  program
    .command("rerun")
    .description("run again from a run.json record: same scenario (checked against its hash), seed and replications")
    .argument("<record>", "a run.json written by `hubsim run --out`")
    .option("--workers <n>", "worker threads (default: cores; the outputs do not depend on it)", integerIn(1, 256), availableParallelism())
    .option("--out <dir>", "write weekly.csv, transitions.csv, summary.json and run.json here")
    .option("--json", "print the summary as JSON")
    .action(async (file: string, options: { workers: number; out?: string; json?: boolean }) => {
      const record = recordSchema.safeParse(readJson(file));
      if (!record.success) throw new UserError(`${file} is not a hubsim run record: ${record.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      const parsed = parseScenario(record.data.scenario.content);
      if (!parsed.ok) throw new UserError(`${file}: the recorded scenario is not valid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
      if (scenarioHash(parsed.scenario) !== record.data.scenario.sha256) throw new UserError(`${file}: the recorded scenario does not match its sha256 (was the record edited?)`);
      // runCommand reads a scenario file, so the recorded scenario goes through a private temporary one.
      const dir = mkdtempSync(join(tmpdir(), "hubsim-rerun-"));
      try {
        const scenarioFile = writeFilesAtomically(dir, { "scenario.json": JSON.stringify(parsed.scenario) })[0]!;
        await runCommand(scenarioFile, { ...options, reps: record.data.replications, seed: record.data.seed, recordAs: record.data.scenario.file }, io);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
}
