import type { Command } from "commander";
import { feasibleFront, ForecastBuilder, type SweepResult } from "../../experiment/index.js";
import type { Io } from "../context.js";
import { withOutputs } from "../outputs.js";
import { byPoint, decodeResult, parsePartial, planDifference, sharedPart, type RunPartial, type SweepPartial } from "../partial-file.js";
import { loadScenario, readJson } from "../scenario-loader.js";
import { isCalibrationPartial, mergeCalibration } from "../calibration-shard.js";
import { availableParallelism } from "node:os";
import { UserError } from "../user-error.js";
import { reportForecast } from "../forecast-output.js";
import { reportSweep } from "../sweep-output.js";

type Partial = RunPartial | SweepPartial;

/** Partials hold every replication's raw arrays: larger than a scenario, still well below what a string can hold. */
const MAX_PARTIAL_BYTES = 256 * 1024 * 1024;

/** Every partial comes from one plan, and together they hold each shard exactly once. */
function checkTogether(files: readonly string[], parts: readonly Partial[]): void {
  const first = parts[0]!;
  parts.forEach((p, i) => {
    if (sharedPart(p) !== sharedPart(first)) throw new UserError(`${files[i]} comes from a different ${first.kind === "hubsim-run-partial" ? "run" : "sweep"} than ${files[0]}: ${planDifference(first, p)}`);
  });
  const seen = new Map<number, string>();
  parts.forEach((p, i) => {
    const other = seen.get(p.shard.index);
    if (other !== undefined) throw new UserError(`${files[i]} repeats shard ${p.shard.index}/${p.shard.count} already given by ${other}`);
    seen.set(p.shard.index, files[i]!);
  });
  const missing = Array.from({ length: first.shard.count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new UserError(`shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${first.shard.count}`).join(", ")} ${missing.length > 1 ? "are" : "is"} missing: give every partial-i-of-${first.shard.count}.json`);
}

function mergeRuns(parts: readonly RunPartial[]): ReturnType<ForecastBuilder["build"]> {
  const first = parts[0]!, total = first.plan.replications;
  const results = parts.flatMap((p) => p.results.map(decodeResult)).sort((a, b) => a.replication - b.replication);
  const missing = Array.from({ length: total }, (_, r) => r).filter((r) => results[r]?.replication !== r);
  if (results.length !== total || missing.length > 0) {
    throw new UserError(`the partial files do not cover replications 0–${total - 1} exactly once (check replication ${missing[0] ?? "count"})`);
  }
  const builder = new ForecastBuilder(first.scenario, { seed: first.plan.seed, ...(first.plan.posterior === undefined ? {} : { posterior: first.plan.posterior }) }, total);
  for (const r of results) builder.add(r);
  return builder.build();
}

function mergeSweeps(parts: readonly SweepPartial[]): SweepResult {
  const first = parts[0]!, labelled = parts.find((p) => p.result.rows.length > 0) ?? first;
  // JSON wrote undefined means (NaN) as null: restore them so the CSV matches the unsharded one.
  const rows = parts.flatMap((p) => p.result.rows).sort(byPoint)
    .map((r) => ({
      point: r.point, replications: r.replications, means: Object.fromEntries(Object.entries(r.means).map(([k, v]) => [k, v ?? NaN])) as typeof r.means,
      objectives: r.objectives.map((v) => v ?? NaN), constraints: r.constraints.map((c) => ({ p: c.p, lower: c.lower, upper: c.upper, measureMean: c.measureMean ?? NaN, met: c.met })), feasible: r.feasible,
    }));
  if (rows.length !== first.plan.points || rows.some((r, i) => r.point.index !== i)) {
    throw new UserError(`the partial files do not cover sweep points 0–${first.plan.points - 1} exactly once`);
  }
  const { base, replications, seed, objectives, constraints, confidence, bandContent } = labelled.result;
  return { base, replications, seed, objectives, constraints, confidence, rows, frontier: feasibleFront(rows), ...(bandContent === undefined ? {} : { bandContent }) };
}

/** `hubsim merge PART…`: combines shard partials into exactly the result of the unsharded run. */
export function mergeCommand(program: Command, io: Io): void {
  program
    .command("merge")
    .description("combine the partial files of a sharded run, sweep or calibration round into the whole result (each checked against its checksum and plan)")
    .argument("<partials...>", "partial-*.json files written by --shard")
    .option("--out <dir>", "write the merged outputs here")
    .option("--json", "print the summary as JSON")
    .option("--html <file>", "also write the HTML report")
    .action((files: string[], options: { out?: string; json?: boolean; html?: string }) => withOutputs(options, (outputs) => {
      const started = new Date();
      const data = files.map((f) => readJson(f, MAX_PARTIAL_BYTES));
      if (data.some(isCalibrationPartial)) {
        if (outputs.dir === undefined) throw new UserError("merging calibration shards needs --out DIR: the fit they belong to");
        mergeCalibration(files, data, outputs.dir, (f) => loadScenario(f), availableParallelism(), io);
        return;
      }
      const parts: Partial[] = files.map((f, i) => parsePartial(f, data[i]));
      checkTogether(files, parts);
      if (parts[0]!.kind === "hubsim-run-partial") {
        const run = parts as RunPartial[];
        reportForecast(mergeRuns(run), run[0]!.scenarioFile, options, outputs, io, started);
      } else {
        reportSweep(mergeSweeps(parts as SweepPartial[]), options, outputs, io);
      }
    }));
}
