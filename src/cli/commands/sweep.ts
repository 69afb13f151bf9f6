import type { Command } from "commander";
import { checkDimension, describeField, MeasureError, parseMeasure, parseTarget, planSweep, scenarioAt, shardRange, splitMeasures, sweep, type Dimension, type SweepGoals, type SweepResult } from "../../experiment/index.js";
import { resultShape, scenarioJsonSchema } from "../../model/index.js";
import { join } from "node:path";
import { claimOutputFile } from "../output-set.js";
import { withOutputs } from "../outputs.js";
import { writeWorkbook, XLSX_OPTION } from "../workbook-output.js";
import { sweepSheets } from "../../report/index.js";
import { reportSweep } from "../sweep-output.js";
import { commandRecord } from "../run-record.js";
import type { Io } from "../context.js";
import { executorFor } from "../executor-for.js";
import { integerIn } from "../options.js";
import { withRunOptions, type RunFlags } from "../run-options.js";
import { progressBar } from "../progress-bar.js";
import { scenarioDataFrom, scenarioFrom } from "../scenario-loader.js";
import { UserError } from "../user-error.js";
import { plannedRun } from "../planned-run.js";
import { collectSetting, SET_OPTION, withSettings, type Setting } from "../set-option.js";
import { parseVary } from "../vary-option.js";
import { parseShard, sweepPartial } from "../partial-file.js";
import { precisionRule, withPrecisionOptions, type PrecisionFlags } from "../precision-options.js";
import type { PosteriorDraws, PrecisionRule, RunPlan, SweepPoint } from "../../experiment/index.js";

export interface SweepOptions extends PrecisionFlags, RunFlags {
  /** Draws to use as they are (rerun of a record that holds them). */
  posteriorDraws?: PosteriorDraws;
  /** Scenario data to sweep instead of reading the file (rerun of a record). */
  recorded?: unknown;
  html?: string; xlsx?: string; vary: Dimension[]; shard?: string; samples?: number; plan?: boolean; objectives: string; constraint: string[]; set: Setting[]; confidence: string; out?: string; json?: boolean;
}

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

/** The objectives (two measure addresses) and constraints, checked against the base scenario before anything runs. */
function goalsOf(options: SweepOptions, base: unknown): SweepGoals {
  const objectives = splitMeasures(options.objectives);
  if (objectives.length !== 2) throw new UserError(`--objectives: two measures separated by a comma, e.g. hub_wait_mean_weeks,allocation_wait_mean_weeks@A15 London (got "${options.objectives}")`);
  const confidence = Number(options.confidence);
  if (!(confidence > 0 && confidence < 1)) throw new UserError(`--confidence ${options.confidence}: must be a share between 0 and 1, exclusive (e.g. 0.9)`);
  const scenario = scenarioAt(base, { index: 0, values: {} }), frame = { shape: resultShape(scenario), startDate: scenario.startDate };
  const check = (flag: string, text: string, read: (t: string) => unknown): void => {
    try {
      read(text);
    } catch (error) {
      if (error instanceof MeasureError) throw new UserError(`${flag} ${text}: ${error.message}`);
      throw error;
    }
  };
  objectives.forEach((o) => check("--objectives", o, (t) => parseMeasure(t, frame)));
  options.constraint.forEach((c) => check("--constraint", c, (t) => parseTarget(t, frame)));
  return { objectives, constraints: options.constraint, confidence };
}

/** The most points a sweep may have: each is a full forecast, and the plan itself is held in memory. */
export const MAX_SWEEP_POINTS = 10_000;

/** Refuses a --vary given twice for one path, and a grid (or sample) beyond MAX_SWEEP_POINTS, before any point is built. */
function checkSize(dimensions: readonly Dimension[], samples: number | undefined): void {
  const paths = dimensions.map((d) => d.path), twice = paths.filter((p, i) => paths.indexOf(p) !== i);
  if (twice.length > 0) throw new UserError(`--vary ${twice[0]} is given more than once; give all its values in one --vary (e.g. ${twice[0]}=1,2,3,4)`);
  const points = samples ?? dimensions.reduce((n, d) => n * d.values.length, 1);
  if (points > MAX_SWEEP_POINTS) {
    const what = samples === undefined ? `the grid of ${dimensions.map((d) => d.values.length).join(" × ")} values has ${points.toLocaleString("en-GB")} points` : `--samples ${samples}`;
    throw new UserError(`${what}: a sweep may have at most ${MAX_SWEEP_POINTS.toLocaleString("en-GB")} points; use coarser steps or a Latin hypercube (--samples n)`);
  }
}

/** `hubsim sweep base.json --vary path=from:to:step …`: a grid or Latin hypercube of settings, on common random numbers, with the Pareto frontier. */
export function sweepCommand(program: Command, io: Io): void {
  const command = program
    .command("sweep")
    .description("run a scenario over a grid (or Latin hypercube) of settings on common random numbers; report the Pareto frontier")
    .argument("<scenario>", "the base scenario file")
    .option("--vary <path=spec>", "a field to vary: path=from:to:step or path=v1,v2,… (repeatable, once per field)", (v: string, all: Dimension[]) => [...all, parseVary(v)], [])
    .option("--samples <n>", "a Latin hypercube of n points instead of the full grid", integerIn(2, MAX_SWEEP_POINTS))
    .option("--plan", "print the points as JSON and stop")
    .option(...SET_OPTION, collectSetting, [])
    .option("--objectives <a,b>", "two measures to minimise for the frontier, each MEASURE[@AREA][@DATE] (a weekly measure: its mean over the weeks), e.g. hub_wait_mean_weeks, allocation_wait_mean_weeks@A15 London, hub_backlog@2027", "hub_wait_mean_weeks,fca_weeks_over_cap")
    .option("--constraint <expr>", 'a condition every recommended point must meet, MEASURE[@AREA][@DATE] OP X, e.g. "hub_wait_p90_weeks <= 12" (repeatable; over several weeks it must hold in every one)', (v: string, all: string[]) => [...all, v], [])
    .option("--confidence <p>", "the share of replications in which a point must meet each constraint", "0.9");
  withRunOptions(command, 2)
    .option("--out <dir>", "write sweep.csv, sweep.json and run.json here")
    .option("--json", "print the result as JSON")
    .option("--html <file>", "write the sweep as a self-contained HTML page (frontier chart)")
    .option(...XLSX_OPTION)
    .option("--shard <i/n>", "evaluate only shard i of n (0-based) of the points and write a partial file to --out for `hubsim merge`");
  withPrecisionOptions(command).action((file: string, options: SweepOptions) => sweepAction(file, options, io));
}

/** The sweep itself, from its options (also used by `hubsim rerun` on a sweep's run.json). */
export async function sweepAction(file: string, options: SweepOptions, io: Io, recordAs?: string): Promise<void> {
  if (options.shard !== undefined) return sweepShard(file, options, io);
  return withOutputs(options, async (outputs) => {
    const started = new Date();
    const prepared = prepare(file, options, io);
    if (prepared === undefined) return;
    const { base, goals, plan, points, rule } = prepared;
    const result = await evaluate(base, points, plan, goals, rule, options, io);
    // The draws themselves (inside the record's hash), so `hubsim rerun` needs nothing else.
    const settings = { ...(plan.posterior === undefined ? {} : { posterior: plan.posterior }), vary: options.vary, samples: options.samples ?? null, objectives: options.objectives, constraints: options.constraint, confidence: Number(options.confidence), precision: rule ?? null };
    const record = commandRecord({ kind: "sweep", scenario: base, scenarioFile: recordAs ?? file, replications: plan.replications, seed: plan.seed, settings, command: io.argv ?? [], started, finished: new Date() });
    reportSweep(result, options, outputs, io, record);
    await writeWorkbook(outputs, () => sweepSheets(result, scenarioAt(base, { index: 0, values: {} })), io);
  });
}

/** Everything checked before any point runs; undefined when --plan has printed the points. */
function prepare(file: string, options: SweepOptions, io: Io) {
  scenarioFrom(file, options.recorded); // names the file when its scenario is invalid, before any point is checked
  const base = withSettings(scenarioDataFrom(file, options.recorded), options.set, options.weeks);
  if (options.vary.length === 0) throw new UserError("sweep needs at least one --vary path=from:to:step");
  checkSize(options.vary, options.samples);
  checkDimensions(base, options.vary);
  const goals = goalsOf(options, base);
  // --weeks is already in base (withSettings); the plan reads the base's run settings and posterior.
  const { plan } = plannedRun(scenarioAt(base, { index: 0, values: {} }), file, { ...options, weeks: undefined }, { levers: [...options.vary.map((d) => d.path), ...options.set.map((s) => s.path)], ...(options.posteriorDraws === undefined ? {} : { posterior: options.posteriorDraws }) });
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
    io.out(JSON.stringify({ scenario: file, replications: plan.replications, seed: plan.seed, points }, null, 2));
    return undefined;
  }
  return { base, goals, plan, points, rule: precisionRule(options, options.reps) };
}

async function evaluate(base: unknown, points: readonly SweepPoint[], plan: RunPlan, goals: SweepGoals, rule: PrecisionRule | undefined, options: SweepOptions, io: Io): Promise<SweepResult> {
  const executor = executorFor(options.workers, rule?.maxReplications ?? plan.replications, io);
  const bar = progressBar(io.progress ?? (process.stderr as NodeJS.WriteStream), "points");
  let result: SweepResult | undefined;
  try {
    for await (const event of sweep(base, points, plan, executor, goals, rule)) {
      if (event.kind === "progress") bar.update(event.done, event.total);
      else result = event.result;
    }
  } finally {
    bar.end();
    await executor.close();
  }
  return result!;
}

/** Evaluates one shard's slice of the points and writes its partial file for `hubsim merge`. */
async function sweepShard(file: string, options: SweepOptions, io: Io): Promise<void> {
  const shard = parseShard(options.shard!);
  if (options.out === undefined) throw new UserError("--shard needs --out DIR for its partial file");
  if (options.html !== undefined) throw new UserError("--shard and --html cannot be combined: write the page from `hubsim merge --html`");
  const target = claimOutputFile(join(options.out, `partial-${shard.index}-of-${shard.count}.json`), "--out");
  try {
    const prepared = prepare(file, options, io);
    if (prepared === undefined) return;
    const { base, goals, plan, points, rule } = prepared;
    const range = shardRange(points.length, shard.index, shard.count);
    if (range.count === 0) io.err(`warning: shard ${shard.index}/${shard.count} has no points (${points.length} over ${shard.count} shards); its partial is empty and merges correctly`);
    const result = await evaluate(base, points.slice(range.first, range.first + range.count), plan, goals, rule, options, io);
    const { frontier: _partialFrontier, ...rows } = result;
    const record = {
      seed: plan.seed, replications: plan.replications, posterior: plan.posterior?.name ?? null, weeks: options.weeks ?? null, shards: shard.count, points: points.length, vary: options.vary, samples: options.samples ?? null,
      objectives: options.objectives, constraints: options.constraint, confidence: Number(options.confidence), precision: rule ?? null,
    };
    const partial = sweepPartial(file, base, record, shard, rows);
    const span = range.count === 0 ? "none" : `${range.first}–${range.first + range.count - 1}`;
    io.err(`wrote ${target.write(JSON.stringify(partial) + "\n")} (points ${span} of ${points.length})`);
  } finally {
    target.release();
  }
}
