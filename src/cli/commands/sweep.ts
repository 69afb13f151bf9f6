import type { Command } from "commander";
import { checkDimension, describeField, MeasureError, parseMeasure, parseTarget, planSweep, scenarioAt, shardRange, splitMeasures, sweep, type Dimension, type SweepGoals, type SweepResult } from "../../experiment/index.js";
import { resultShape, scenarioJsonSchema } from "../../model/index.js";
import { sweepCsv, sweepHtml, sweepText } from "../../report/index.js";
import { writeFilesAtomically } from "../atomic-write.js";
import type { Io } from "../context.js";
import { executorFor } from "../executor-for.js";
import { writeHtml } from "../html-output.js";
import { integerIn } from "../options.js";
import { withRunOptions, type RunFlags } from "../run-options.js";
import { progressBar } from "../progress-bar.js";
import { loadScenario, loadScenarioData } from "../scenario-loader.js";
import { UserError } from "../user-error.js";
import { posteriorPlan } from "../posterior-option.js";
import { collectSetting, SET_OPTION, withSettings, type Setting } from "../set-option.js";
import { parseVary } from "../vary-option.js";
import { parseShard, type SweepPartial } from "../partial-file.js";
import { precisionRule, withPrecisionOptions, type PrecisionFlags } from "../precision-options.js";

interface SweepOptions extends PrecisionFlags, RunFlags {
  html?: string; vary: Dimension[]; shard?: string; samples?: number; plan?: boolean; objectives: string; constraint: string[]; set: Setting[]; confidence: string; out?: string; json?: boolean;
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

/** `hubsim sweep base.json --vary path=from:to:step …`: a grid or Latin hypercube of settings, on common random numbers, with the Pareto frontier. */
export function sweepCommand(program: Command, io: Io): void {
  const command = program
    .command("sweep")
    .description("run a scenario over a grid (or Latin hypercube) of settings on common random numbers; report the Pareto frontier")
    .argument("<scenario>", "the base scenario file")
    .option("--vary <path=spec>", "a field to vary: path=from:to:step or path=v1,v2,… (repeatable)", (v: string, all: Dimension[]) => [...all, parseVary(v)], [])
    .option("--samples <n>", "a Latin hypercube of n points instead of the full grid", integerIn(2, 100_000))
    .option("--plan", "print the points as JSON and stop")
    .option(...SET_OPTION, collectSetting, [])
    .option("--objectives <a,b>", "two measures to minimise for the frontier, each MEASURE[@AREA][@DATE] (a weekly measure: its mean over the weeks), e.g. hub_wait_mean_weeks, allocation_wait_mean_weeks@A15 London, hub_backlog@2027", "hub_wait_mean_weeks,fca_weeks_over_cap")
    .option("--constraint <expr>", 'a condition every recommended point must meet, MEASURE[@AREA][@DATE] OP X, e.g. "hub_wait_p90_weeks <= 12" (repeatable; over several weeks it must hold in every one)', (v: string, all: string[]) => [...all, v], [])
    .option("--confidence <p>", "the share of replications in which a point must meet each constraint", "0.9");
  withRunOptions(command, 2)
    .option("--out <dir>", "write sweep.csv and sweep.json here")
    .option("--json", "print the result as JSON")
    .option("--html <file>", "write the sweep as a self-contained HTML page (frontier chart)")
    .option("--shard <i/n>", "evaluate only shard i of n (0-based) of the points and write a partial file to --out for `hubsim merge`");
  withPrecisionOptions(command).action(async (file: string, options: SweepOptions) => {
    loadScenario(file); // names the file when its scenario is invalid, before any point is checked
    const base = withSettings(loadScenarioData(file), options.set, options.weeks);
    if (options.vary.length === 0) throw new UserError("sweep needs at least one --vary path=from:to:step");
    checkDimensions(base, options.vary);
    const goals = goalsOf(options, base);
    const run = (base as { run?: { replications?: number; seed?: number } }).run ?? {};
    const plan = { replications: options.reps ?? run.replications ?? 20, seed: options.seed ?? run.seed ?? 1, ...posteriorPlan(options.posterior, scenarioAt(base, { index: 0, values: {} }), file, [...options.vary.map((d) => d.path), ...options.set.map((s) => s.path)]) };
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
      for await (const event of sweep(base, points.slice(range.first, range.first + range.count), plan, executor, goals, rule)) {
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
