import { join } from "node:path";
import type { Command } from "commander";
import { forecast, forecastsMeet, runReplications, shardRange, type Forecast, type PosteriorDraws } from "../../experiment/index.js";
import { claimOutputFile } from "../output-set.js";
import { withOutputs } from "../outputs.js";
import { writeWorkbook, XLSX_OPTION } from "../workbook-output.js";
import { forecastSheets } from "../../report/index.js";
import type { Io } from "../context.js";
import { defaultScenario, reportForecast } from "../forecast-output.js";
import { encodeResult, parseShard, runPartial } from "../partial-file.js";
import { UserError } from "../user-error.js";
import { precisionNote, precisionRule, withPrecisionOptions, type PrecisionFlags } from "../precision-options.js";
import { progressBar } from "../progress-bar.js";
import { loadScenario, scenarioFrom } from "../scenario-loader.js";
import { executorFor } from "../executor-for.js";
import { withRunOptions, type RunFlags } from "../run-options.js";
import { plannedRun } from "../planned-run.js";
import { collectSetting, leversOf, SET_OPTION, type Setting } from "../set-option.js";

/** Options of `hubsim run`. */
export interface RunOptions extends Partial<PrecisionFlags>, RunFlags { /** What run.json calls the scenario file, when not `file`. */ recordAs?: string; /** Draws to use as they are (rerun of a record that holds them). */ posteriorDraws?: PosteriorDraws; /** Scenario data to run instead of reading `file` (rerun of a record). */ recorded?: unknown; out?: string; html?: string; xlsx?: string; json?: boolean; initial?: string; shard?: string; set?: Setting[] }

/** Loads the scenario, runs the forecast on a worker pool, prints the summary and writes the files. */
export async function runCommand(file: string, options: RunOptions, io: Io): Promise<Forecast | undefined> {
  if (options.shard !== undefined) return runShard(file, options, io);
  return withOutputs(options, async (outputs) => {
    const started = new Date();
    const { scenario, plan } = plannedRun(scenarioFrom(file, options.recorded, options.initial, options.set), file, options, { levers: leversOf(options.set), ...(options.posteriorDraws === undefined ? {} : { posterior: options.posteriorDraws }) });
    const rule = precisionRule({ maxReps: 1000, ...options }, options.reps);
    const executor = executorFor(options.workers, rule?.maxReplications ?? plan.replications, io);
    const bar = progressBar(io.progress ?? (process.stderr as NodeJS.WriteStream), "replications");
    let result: Forecast | undefined;
    try {
      for await (const event of forecast(scenario, plan, executor, rule)) {
        if (event.kind === "progress") bar.update(event.done, event.total);
        else result = event.forecast;
      }
    } finally {
      bar.end();
      await executor.close();
    }
    if (rule !== undefined) io.err(precisionNote(rule, result!.plan.replications, forecastsMeet([result!], rule)));
    reportForecast(result!, options.recordAs ?? file, options, outputs, io, started);
    await writeWorkbook(outputs, () => forecastSheets(result!), io);
    return result!;
  });
}

/** Runs one shard's slice of the replications and writes its partial file for `hubsim merge`. */
async function runShard(file: string, options: RunOptions, io: Io): Promise<undefined> {
  const shard = parseShard(options.shard!);
  if (options.out === undefined) throw new UserError("--shard needs --out DIR for its partial file");
  if (options.precision !== undefined) throw new UserError("--shard and --precision cannot be combined: precision needs every replication in one place");
  if (options.html !== undefined) throw new UserError("--shard and --html cannot be combined: write the report from `hubsim merge --html`");
  if (options.xlsx !== undefined) throw new UserError("--shard and --xlsx cannot be combined: a shard writes only its partial file");
  const target = claimOutputFile(join(options.out, `partial-${shard.index}-of-${shard.count}.json`), "--out");
  try {
    const { scenario, plan } = plannedRun(loadScenario(file, options.initial, options.set), file, options, { levers: leversOf(options.set) });
    const range = shardRange(plan.replications, shard.index, shard.count);
    if (range.count === 0) io.err(`warning: shard ${shard.index}/${shard.count} has no replications (${plan.replications} over ${shard.count} shards); its partial is empty and merges correctly`);
    const executor = executorFor(options.workers, Math.max(1, range.count), io);
    const results = [];
    try {
      for await (const r of runReplications(scenario, { ...plan, replications: range.count, first: range.first }, executor)) results.push(encodeResult(r));
    } finally {
      await executor.close();
    }
    const partial = runPartial(file, scenario, plan, shard, results);
    const span = range.count === 0 ? "none" : `${range.first}–${range.first + range.count - 1}`;
    io.err(`wrote ${target.write(JSON.stringify(partial) + "\n")} (replications ${span} of ${plan.replications})`);
    return undefined;
  } finally {
    target.release();
  }
}

/** `hubsim run [scenario]`. */
export function runCommandSpec(program: Command, io: Io): void {
  const command = program
    .command("run")
    .description("forecast hub backlogs and caseloads for a scenario (default scenarios/baseline.json)")
    .argument("[scenario]", "scenario JSON file");
  withRunOptions(command, 1)
    .option(...SET_OPTION, collectSetting, [])
    .option("--initial <csv>", "start from this backlog, case by case (area,kind,tier,weeks_open,status,weeks_in_hub)")
    .option("--out <dir>", "write weekly.csv, transitions.csv, summary.json and run.json here")
    .option("--html <file>", "write a self-contained HTML report here")
    .option(...XLSX_OPTION)
    .option("--json", "print the summary as JSON")
    .option("--shard <i/n>", "run only shard i of n (0-based) and write a partial file to --out for `hubsim merge`");
  withPrecisionOptions(command).action(async (file: string | undefined, options: RunOptions) => {
    await runCommand(file ?? defaultScenario(), options, io);
  });
}
