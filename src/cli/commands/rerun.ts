import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { z } from "zod";
import { inputIssues, issuesText, parseScenario, runSettingsSchema } from "../../model/index.js";
import type { Io } from "../context.js";
import { integerIn } from "../options.js";
import { posteriorDrawsSchema } from "../posterior-file.js";
import { runHash, scenarioHash } from "../run-record.js";
import { readJson } from "../scenario-loader.js";
import { UserError } from "../user-error.js";
import { appraiseAction } from "./appraise.js";
import { runCommand } from "./run.js";
import { sweepAction } from "./sweep.js";

// Seed and replications within the bounds `hubsim run` allows (the scenario schema's run settings).
const recordSchema = z.object({
  kind: z.enum(["sweep", "appraise"]).optional(),
  scenario: z.object({ file: z.string(), sha256: z.string(), content: z.unknown() }),
  seed: runSettingsSchema.shape.seed.unwrap(),
  replications: runSettingsSchema.shape.replications.unwrap(),
  sha256: z.string().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  // A run's record holds the posterior's draws; older records and sweeps name the file only.
  posterior: z.union([z.string(), posteriorDrawsSchema]).optional(),
});
type RunRecordData = z.infer<typeof recordSchema>;

interface RerunOptions { workers: number; out?: string; json?: boolean }

/** The record's hashes hold: its scenario, and (when present) scenario, seed, replications and settings together. */
function checkHashes(file: string, record: RunRecordData): void {
  const content = record.scenario.content;
  const legacy = (): string | undefined => {
    const parsed = parseScenario(content);
    return parsed.ok ? createHash("sha256").update(JSON.stringify(parsed.scenario)).digest("hex") : undefined;
  };
  if (scenarioHash(content) !== record.scenario.sha256 && legacy() !== record.scenario.sha256) throw new UserError(`${file}: the recorded scenario does not match its sha256 (was the record edited?)`);
  const extra = record.settings ?? (typeof record.posterior === "object" ? { posterior: record.posterior } : undefined);
  if (record.sha256 !== undefined && runHash(content, record.seed, record.replications, extra) !== record.sha256) {
    throw new UserError(`${file}: the recorded seed, replications or settings do not match the record's sha256 (was the record edited?)`);
  }
}

/** Runs the recorded command again on the recorded scenario data itself (no file is written or read for it). */
async function replay(record: RunRecordData, options: RerunOptions, io: Io): Promise<void> {
  // The recorded file's name, for messages and the new record; its content comes from the record.
  const scenarioFile = record.scenario.file, recorded = record.scenario.content;
  // A record drawn from a posterior is refused above; the recorded scenario's own `posterior` (a relative path) is not followed.
  const common = { ...options, recorded, reps: record.replications, seed: record.seed, posterior: "none" };
  const s = (record.settings ?? {}) as Record<string, unknown>;
  // A sweep's or appraisal's draws are in its settings (checked by the hash above).
  const held = posteriorDrawsSchema.safeParse(s.posterior);
  const draws = held.success ? { posteriorDraws: held.data } : {};
  if (record.kind === "sweep") {
    const rule = s.precision as { target: number; metrics: string[]; maxReplications: number } | null | undefined;
    await sweepAction(scenarioFile, {
      ...common, ...draws, vary: s.vary as never, objectives: String(s.objectives), constraint: (s.constraints as string[] | undefined) ?? [], confidence: String(s.confidence), set: [],
      maxReps: rule?.maxReplications ?? 1000, ...(typeof s.samples === "number" ? { samples: s.samples } : {}),
      ...(rule === null || rule === undefined ? {} : { precision: rule.target, precisionMetrics: rule.metrics.join(",") }),
    }, io, record.scenario.file);
  } else if (record.kind === "appraise") {
    // Records from before run-off counted money over the horizon alone: the same weeks, in years.
    const years = typeof s.appraisalYears === "string" ? s.appraisalYears : String(recordedHorizon(record.scenario.content) / (365.25 / 7));
    await appraiseAction(scenarioFile, {
      ...common, ...draws, ...(typeof s.areas === "string" ? { areas: s.areas } : {}), ...(typeof s.intervention === "string" ? { intervention: s.intervention } : {}),
      appraisalYears: years, rank: s.rank === true, sensitivity: s.sensitivity === true,
    }, io, record.scenario.file);
  } else {
    await runCommand(scenarioFile, { ...common, recordAs: record.scenario.file, ...(typeof record.posterior === "object" ? { posteriorDraws: record.posterior } : {}) }, io);
  }
}

/** The horizon in weeks of a recorded (resolved) scenario. */
function recordedHorizon(content: unknown): number {
  const weeks = (content as { horizonWeeks?: unknown }).horizonWeeks;
  return typeof weeks === "number" ? weeks : 0;
}

/** `hubsim rerun run.json`: runs a recorded run, sweep or appraisal again from its record alone, reproducing its outputs exactly. */
export function rerunCommand(program: Command, io: Io): void {
  program
    .command("rerun")
    .description("run again from a run.json record (of run, merge, sweep or appraise): same scenario (checked against its hash), seed, replications and settings")
    .argument("<record>", "a run.json written by `hubsim run|merge|sweep|appraise --out`")
    .option("--workers <n>", "worker threads (default: cores; the outputs do not depend on it)", integerIn(1, 256), availableParallelism())
    .option("--out <dir>", "write the outputs (and a new run.json) here")
    .option("--json", "print the summary as JSON")
    .action(async (file: string, options: RerunOptions) => {
      const record = recordSchema.safeParse(readJson(file));
      if (!record.success) throw new UserError(`${file} is not a hubsim run record: ${issuesText(inputIssues(record.error.issues), { limit: 3 })}`);
      checkHashes(file, record.data);
      const raw = readJson(file) as { posterior?: unknown; settings?: { posterior?: unknown } };
      if (typeof raw.posterior === "string" || typeof raw.settings?.posterior === "string") {
        throw new UserError(`${file} was drawn from a posterior (${String(raw.posterior ?? raw.settings?.posterior)}), which the record does not hold: run it again with --posterior`);
      }
      if (record.data.kind === undefined) {
        const parsed = parseScenario(record.data.scenario.content);
        if (!parsed.ok) throw new UserError(`${file}: the recorded scenario is not valid: ${issuesText(parsed.issues, { limit: 5 })}`);
      }
      await replay(record.data, options, io);
    });
}
