import type { Command } from "commander";
import { checkDimension, describeField, planSweep, scenarioAt, shardRange, sweep, withPath, type Dimension, type SweepResult } from "../../experiment/index.js";
import { SCALAR_METRICS, scenarioJsonSchema, type ScalarMetric } from "../../model/index.js";
import { sweepCsv, sweepHtml, sweepText } from "../../report/index.js";
import { writeFilesAtomically } from "../atomic-write.js";
import type { Io } from "../context.js";
import { executorFor } from "../executor-for.js";
import { writeHtml } from "../html-output.js";
import { integerIn } from "../options.js";
import { withRunOptions, type RunFlags } from "../run-options.js";
import { progressBar } from "../progress-bar.js";
import { loadScenarioData } from "../scenario-loader.js";
import { UserError } from "../user-error.js";
import { parseVary } from "../vary-option.js";
import { parseShard, type SweepPartial } from "../partial-file.js";
import { precisionRule, withPrecisionOptions, type PrecisionFlags } from "../precision-options.js";

interface SweepOptions extends PrecisionFlags, RunFlags { html?: string; vary: Dimension[]; shard?: string; samples?: number; plan?: boolean; objectives: string; out?: string; json?: boolean }

/** Every --vary must name a numeric scenario field and stay within the range the schema allows. */
function checkDimensions(base: unknown, dimensions: readonly Dimension[]): void {
  const schema = scenarioJsonSchema();
  const problems = dimensions.flatMap((d) => {
    const field = describeField(schema, d.path);
    if (field === undefined) return [`--vary ${d.path}: no such field in the scenario schema`];
    if (field.startsWith("not a number")) return [`--vary ${d.path}: ${field}`];
    return checkDimension(base, d).map((p) => `--vary ${p} (allowed: ${field})`);
  });
  if (problems.length > 0) throw new UserError(problems.join("\n"));
}

function objectivesOf(text: string): ScalarMetric[] {
  const names = text.split(",").map((s) => s.trim());
  const unknown = names.filter((n) => !(SCALAR_METRICS as readonly string[]).includes(n));
  if (names.length !== 2 || unknown.length > 0) throw new UserError(`--objectives: two of ${SCALAR_METRICS.join(", ")} (got "${text}")`);
  return names as ScalarMetric[];
}

/** `hubsim sweep base.json --vary path=from:to:step …`: a grid or Latin hypercube of settings, on common random numbers, with the Pareto frontier. */
export function sweepCommand(program: Command, io: Io): void {
  const command = program
    .command("sweep")
    .description("run a scenario over a grid (or Latin hypercube) of settings on common random numbers; report the Pareto frontier")
    .argument("<scenario>", "the base scenario file")
    .option("--vary <path=spec>", "a field to vary: path=from:to:step or path=v1,v2,… (repeatable)", (v: string, all: Dimension[]) => [...all, parseVary(v)], [])
    .option("--samples <n>", "a Latin hypercube of n points instead of the full grid", integerIn(2, 100_000))
    .option("--plan", "print the points as JSON and stop")
    .option("--objectives <a,b>", "two measures to minimise for the frontier: any scalar metric, e.g. hub_wait_mean_weeks, allocation_wait_mean_weeks, waited_over_12_weeks, awaiting_case_weeks, fca_weeks_over_cap, pct_fcas_over_cap", "hub_wait_mean_weeks,fca_weeks_over_cap");
  withRunOptions(command, 2)
    .option("--out <dir>", "write sweep.csv and sweep.json here")
    .option("--json", "print the result as JSON")
    .option("--html <file>", "write the sweep as a self-contained HTML page (frontier chart)")
    .option("--shard <i/n>", "evaluate only shard i of n (0-based) of the points and write a partial file to --out for `hubsim merge`");
  withPrecisionOptions(command).action(async (file: string, options: SweepOptions) => {
    const loaded = loadScenarioData(file);
    const base = options.weeks === undefined ? loaded : withPath(loaded, "horizonWeeks", options.weeks);
    if (options.vary.length === 0) throw new UserError("sweep needs at least one --vary path=from:to:step");
    checkDimensions(base, options.vary);
    const objectives = objectivesOf(options.objectives);
    const run = (base as { run?: { replications?: number; seed?: number } }).run ?? {};
    const plan = { replications: options.reps ?? run.replications ?? 20, seed: options.seed ?? run.seed ?? 1 };
    const points = planSweep(options.vary, plan.seed, options.samples);
    const invalid = points.flatMap((p) => {
      try {
        scenarioAt(base, p);
        return [];
      } catch (error) {
        return [`point ${p.index} (${Object.entries(p.values).map(([k, v]) => `${k}=${v}`).join(", ")}): ${(error as Error).message}`];
      }
    });
    if (invalid.length > 0) throw new UserError(`${invalid.length} sweep point${invalid.length > 1 ? "s are" : " is"} not a valid scenario:\n  ${invalid.slice(0, 10).join("\n  ")}`);
    if (options.plan) {
      io.out(JSON.stringify({ scenario: file, ...plan, points }, null, 2));
      return;
    }
    const rule = precisionRule(options);
    const shard = options.shard === undefined ? undefined : parseShard(options.shard);
    if (shard !== undefined && options.out === undefined) throw new UserError("--shard needs --out DIR for its partial file");
    const range = shard === undefined ? { first: 0, count: points.length } : shardRange(points.length, shard.index, shard.count);
    const executor = executorFor(options.workers, rule?.maxReplications ?? plan.replications);
    const bar = progressBar(io.progress ?? (process.stderr as NodeJS.WriteStream), "points");
    let result: SweepResult | undefined;
    try {
      for await (const event of sweep(base, points.slice(range.first, range.first + range.count), plan, executor, objectives, rule)) {
        if (event.kind === "progress") bar.update(event.done, event.total);
        else result = event.result;
      }
    } finally {
      bar.end();
      await executor.close();
    }
    if (shard !== undefined) {
      const { frontier: _partialFrontier, ...rows } = result!;
      const partial: SweepPartial = { kind: "hubsim-sweep-partial", result: rows, points: points.length };
      io.err(`wrote ${writeFilesAtomically(options.out!, { [`partial-${shard.index}-of-${shard.count}.json`]: JSON.stringify(partial) + "\n" }).join(", ")} (points ${range.first}–${range.first + range.count - 1} of ${points.length})`);
      return;
    }
    reportSweep(result!, options, io);
  });
}

/** Prints a finished sweep and, with --out, writes sweep.csv and sweep.json. */
export function reportSweep(result: SweepResult, options: { out?: string; json?: boolean; html?: string }, io: Io): void {
  io.out(options.json ? JSON.stringify(result, null, 2) : sweepText(result));
  if (options.html !== undefined) io.err(`wrote ${writeHtml(options.html, sweepHtml(result))}`);
  if (options.out !== undefined) writeFilesAtomically(options.out, { "sweep.csv": sweepCsv(result), "sweep.json": JSON.stringify(result, null, 2) + "\n" });
}
