import type { Command } from "commander";
import { describeField, expectedEvaluations, MeasureError, parseTarget, scenarioAt, seek, type SeekResult, type SeekSpec } from "../../experiment/index.js";
import { resultShape, scenarioJsonSchema } from "../../model/index.js";
import { seekCsv, seekText } from "../../report/index.js";
import { withOutputs } from "../outputs.js";
import type { Io } from "../context.js";
import { executorFor } from "../executor-for.js";
import { progressBar } from "../progress-bar.js";
import { withRunOptions, type RunFlags } from "../run-options.js";
import { loadScenario, loadScenarioData } from "../scenario-loader.js";
import { UserError } from "../user-error.js";
import { plannedRun } from "../planned-run.js";
import { collectSetting, SET_OPTION, withSettings, type Setting } from "../set-option.js";

interface SeekOptions extends RunFlags {
  vary: string; target: string; confidence: string; integer?: boolean; minimise?: boolean; maximise?: boolean;
  tolerance?: string; set: Setting[]; out?: string; json?: boolean;
}

/** `--vary PATH=lo:hi` of a search: the lever and its range, checked against the schema. */
function parseRange(text: string, base: unknown): { path: string; lo: number; hi: number } {
  const m = /^([^=]+)=\s*([-+]?[\d.e+-]+)\s*:\s*([-+]?[\d.e+-]+)\s*$/i.exec(text);
  if (m === null) throw new UserError(`--vary ${text}: expected PATH=lo:hi, e.g. areas[14].staffing[0].fte=0:60`);
  const path = m[1]!.trim(), lo = Number(m[2]), hi = Number(m[3]);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new UserError(`--vary ${text}: lo and hi must be numbers`);
  if (!(lo < hi)) throw new UserError(`--vary ${text}: lo (${lo}) must be below hi (${hi})`);
  const field = describeField(scenarioJsonSchema(), path);
  if (field === undefined) throw new UserError(`--vary ${path}: no such field in the scenario schema`);
  if (field.startsWith("not a number")) throw new UserError(`--vary ${path}: ${field}`);
  for (const v of [lo, hi]) {
    try {
      scenarioAt(base, { index: 0, values: { [path]: v } });
    } catch (error) {
      throw new UserError(`--vary ${path}=${v}: ${(error as Error).message} (allowed: ${field})`);
    }
  }
  return { path, lo, hi };
}

/** Builds the search from the options, checking everything before any simulation. */
function specOf(options: SeekOptions, base: unknown): SeekSpec {
  if (options.minimise === true && options.maximise === true) throw new UserError("--minimise and --maximise: choose one");
  const { path, lo, hi } = parseRange(options.vary, base);
  if (options.integer === true && (!Number.isInteger(lo) || !Number.isInteger(hi))) throw new UserError(`--vary ${options.vary}: with --integer, lo and hi must be whole numbers`);
  const confidence = Number(options.confidence);
  if (!(confidence > 0 && confidence < 1)) throw new UserError(`--confidence ${options.confidence}: must be a share between 0 and 1, exclusive (e.g. 0.9)`);
  const tolerance = options.tolerance === undefined ? undefined : Number(options.tolerance);
  if (tolerance !== undefined && !(tolerance > 0)) throw new UserError(`--tolerance ${options.tolerance}: must be a number above 0`);
  const scenario = scenarioAt(base, { index: 0, values: { [path]: lo } });
  let target;
  try {
    target = parseTarget(options.target, { shape: resultShape(scenario), startDate: scenario.startDate });
  } catch (error) {
    if (error instanceof MeasureError) throw new UserError(`--target: ${error.message}`);
    throw error;
  }
  return { path, lo, hi, integer: options.integer === true, target, confidence, direction: options.maximise === true ? "maximise" : "minimise", ...(tolerance === undefined ? {} : { tolerance }) };
}

/** `hubsim seek`: the smallest (or largest) value of one lever that meets a target with a stated probability. */
export function seekCommand(program: Command, io: Io): void {
  const command = program
    .command("seek")
    .description("find the smallest (or largest) value of one lever for which a target holds with a stated probability, by bisection on common random numbers")
    .argument("<scenario>", "the scenario file")
    .requiredOption("--vary <PATH=lo:hi>", "the lever and its range, any numeric scenario field (e.g. areas[14].staffing[0].fte=0:60)")
    .requiredOption("--target <expr>", 'MEASURE[@AREA][@DATE] OP X, e.g. "hub_backlog@A15 London@2027 <= 50" (over several weeks it must hold in every one)')
    .option("--confidence <p>", "the share of replications that must meet the target", "0.9")
    .option("--integer", "whole values only (posts, weeks)")
    .option("--minimise", "the smallest value meeting the target: it gets easier as the lever rises (the default)")
    .option("--maximise", "the largest value meeting the target: it gets easier as the lever falls")
    .option("--tolerance <x>", "for a continuous lever, stop when the answer is bracketed this closely (default range ÷ 128)")
    .option(...SET_OPTION, collectSetting, []);
  withRunOptions(command, 2)
    .option("--out <dir>", "write seek.json and seek.csv (the values tried) here")
    .option("--json", "print the result as JSON")
    .action((file: string, options: SeekOptions) => withOutputs({ out: options.out }, async (outputs) => {
      loadScenario(file); // names the file when its scenario is invalid before any setting applies
      const base = withSettings(loadScenarioData(file), options.set, options.weeks);
      const spec = specOf(options, base);
      // --weeks is already in base (withSettings); the plan reads the base's run settings and posterior.
      const { plan } = plannedRun(scenarioAt(base, { index: 0, values: {} }), file, { ...options, weeks: undefined }, { levers: [spec.path, ...options.set.map((s) => s.path)] });
      const executor = executorFor(options.workers, plan.replications, io);
      const bar = progressBar(io.progress ?? (process.stderr as NodeJS.WriteStream), "values");
      let result: SeekResult | undefined;
      try {
        for await (const event of seek(base, spec, plan, executor)) {
          if (event.kind === "point") bar.update(event.done, Math.max(event.done, expectedEvaluations(spec)));
          else result = event.result;
        }
      } finally {
        bar.end();
        await executor.close();
      }
      io.out(options.json ? JSON.stringify(result, null, 2) : seekText(result!));
      if (outputs.dir !== undefined) {
        const written = outputs.dir.write({ "seek.json": JSON.stringify({ scenario: file, set: options.set, ...result }, null, 2) + "\n", "seek.csv": seekCsv(result!) });
        io.err(`wrote ${written.join(", ")}`);
      }
    }));
}
