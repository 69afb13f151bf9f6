import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import type { Backtest, ForecastSummary } from "../../experiment/index.js";
import { inputIssues, issuesText } from "../../model/index.js";
import { htmlReport, parseWeeklyCsv, type ReportInput } from "../../report/index.js";
import type { Io } from "../context.js";
import { withOutputs } from "../outputs.js";
import { readJson } from "../scenario-loader.js";
import { UserError } from "../user-error.js";

const text = z.string(), whole = z.number().int();
/** What the report reads from each file (other fields pass through): a file of another shape is refused, never half-read. */
const summarySchema = z.looseObject({
  scenario: text, startDate: text, horizonWeeks: whole, warmupWeeks: whole, replications: whole, seed: whole,
  bandContent: z.looseObject({ words: text }), conservationChecks: z.number(), protocolTransitions: z.number(),
  national: z.looseObject({}), areas: z.array(z.looseObject({})), protocolHistory: z.array(z.looseObject({})),
});
const recordSchema = z.looseObject({
  hubsim: text, node: text, dependencies: z.record(text, text), seed: whole, replications: whole, horizonWeeks: whole,
  scenario: z.looseObject({ name: text, file: text, sha256: text, content: z.looseObject({ startDate: text }) }),
  command: z.array(text), started: text, finished: text,
});
const backtestSchema = z.looseObject({ rows: z.array(z.looseObject({})), fits: z.array(z.looseObject({})), bandContent: text, run: z.looseObject({ scenario: text, seed: whole, replications: whole, horizonWeeks: whole }).optional() });

function read<T>(file: string, schema: z.ZodType<T>): T {
  const r = schema.safeParse(readJson(file));
  if (!r.success) throw new UserError(`${file} is not what hubsim writes there: ${issuesText(inputIssues(r.error.issues), { limit: 3 })}`);
  return r.data;
}

function weeklyOf(file: string): ReportInput["weekly"] {
  try {
    return parseWeeklyCsv(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UserError(`${file}: ${(error as Error).message}`);
  }
}

/** The identity a run's files share: scenario name, start, horizon, seed and replications. */
const identity = (x: { scenario: string; startDate?: string; horizonWeeks: number; seed: number; replications: number }): string =>
  `${x.scenario}, ${x.startDate === undefined ? "" : `from ${x.startDate}, `}${x.horizonWeeks} weeks, seed ${x.seed}, ${x.replications} replications`;

/** Reads a run directory, refusing files that do not belong together; a back-test from another run is left out with a warning. */
function readRunDir(dir: string, io: Io): ReportInput {
  const need = ["weekly.csv", "summary.json", "run.json"].filter((f) => !existsSync(join(dir, f)));
  if (need.length > 0) throw new UserError(`${dir} is not a hubsim run directory: missing ${need.join(", ")}`);
  const summary = read(join(dir, "summary.json"), summarySchema);
  const record = read(join(dir, "run.json"), recordSchema);
  const recorded = identity({ scenario: record.scenario.name, startDate: record.scenario.content.startDate, horizonWeeks: record.horizonWeeks, seed: record.seed, replications: record.replications });
  if (identity(summary) !== recorded) throw new UserError(`${dir}: summary.json (${identity(summary)}) and run.json (${recorded}) come from different runs`);
  const weekly = weeklyOf(join(dir, "weekly.csv"));
  const firstSeries = [...(weekly as unknown as Map<string, Map<string, { median: number[] }>>).values()][0]?.values().next().value;
  const weeks = firstSeries?.median.length ?? 0;
  if (weeks !== 0 && weeks !== summary.horizonWeeks) throw new UserError(`${dir}: weekly.csv runs ${weeks} weeks but summary.json ${summary.horizonWeeks}: they come from different runs`);
  const backtestFile = join(dir, "backtest.json");
  let backtest: Backtest | undefined;
  if (existsSync(backtestFile)) {
    const b = read(backtestFile, backtestSchema);
    if (b.run !== undefined && identity(b.run) === identity({ ...summary, startDate: undefined } as never)) backtest = b as unknown as Backtest;
    else io.err(`warning: leaving out ${backtestFile}: it is not from this run (${b.run === undefined ? "it does not say which run it is from" : identity(b.run)})`);
  }
  return { summary: summary as unknown as ForecastSummary, weekly, record: record as unknown as ReportInput["record"], ...(backtest === undefined ? {} : { backtest }) };
}

/** `hubsim report RUN_DIR --html report.html`: the HTML report of a run directory written by `hubsim run --out`. */
export function reportCommand(program: Command, io: Io): void {
  program
    .command("report")
    .description("write a self-contained HTML report of a run directory (weekly.csv, summary.json, run.json; backtest.json if from the same run)")
    .argument("<run-dir>", "a directory written by `hubsim run --out`")
    .requiredOption("--html <file>", "where to write the report")
    .action((dir: string, options: { html: string }) => withOutputs({ html: options.html }, ({ html }) => {
      const input = readRunDir(dir, io);
      io.err(`wrote ${html!.write(htmlReport(input))}`);
    }));
}
