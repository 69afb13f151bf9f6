import type { Command } from "commander";
import { feasibleFront, ForecastBuilder, type SweepResult } from "../../experiment/index.js";
import type { Io } from "../context.js";
import { byPoint, decodeResult, parsePartial, type RunPartial, type SweepPartial } from "../partial-file.js";
import { loadScenario, readJson } from "../scenario-loader.js";
import { isCalibrationPartial, mergeCalibration } from "../calibration-shard.js";
import { availableParallelism } from "node:os";
import { UserError } from "../user-error.js";
import { reportForecast } from "./run.js";
import { reportSweep } from "./sweep.js";

type Partial = RunPartial | SweepPartial;

function mergeRuns(parts: readonly RunPartial[]): ReturnType<ForecastBuilder["build"]> {
  const [first] = parts;
  const same = JSON.stringify(first!.scenario);
  if (parts.some((p) => JSON.stringify(p.scenario) !== same || p.seed !== first!.seed || p.replications !== first!.replications)) {
    throw new UserError("the partial files come from different runs (scenario, seed or replication count differ)");
  }
  const results = parts.flatMap((p) => p.results.map(decodeResult)).sort((a, b) => a.replication - b.replication);
  const missing = Array.from({ length: first!.replications }, (_, r) => r).filter((r) => results[r]?.replication !== r);
  if (results.length !== first!.replications || missing.length > 0) {
    throw new UserError(`the partial files do not cover replications 0–${first!.replications - 1} exactly once (check replication ${missing[0] ?? "count"})`);
  }
  const builder = new ForecastBuilder(first!.scenario, { seed: first!.seed }, first!.replications);
  for (const r of results) builder.add(r);
  return builder.build();
}

function mergeSweeps(parts: readonly SweepPartial[]): SweepResult {
  const [first] = parts;
  const key = (p: SweepPartial): string => JSON.stringify([p.points, p.result.base, p.result.seed, p.result.replications, p.result.objectives, p.result.constraints, p.result.confidence, Object.keys(p.result.rows[0]?.point.values ?? {})]);
  if (parts.some((p) => key(p) !== key(first!))) throw new UserError("the partial files come from different sweeps (base, seed, replications, objectives, constraints or varied fields differ)");
  // JSON wrote undefined means (NaN) as null: restore them so the CSV matches the unsharded one.
  const rows = parts.flatMap((p) => p.result.rows).sort(byPoint)
    .map((r) => ({
      point: r.point, replications: r.replications, means: Object.fromEntries(Object.entries(r.means).map(([k, v]) => [k, v ?? NaN])) as typeof r.means,
      objectives: r.objectives.map((v) => v ?? NaN), constraints: r.constraints.map((c) => ({ p: c.p, lower: c.lower, upper: c.upper, measureMean: c.measureMean ?? NaN, met: c.met })), feasible: r.feasible,
    }));
  if (rows.length !== first!.points || rows.some((r, i) => r.point.index !== i)) {
    throw new UserError(`the partial files do not cover sweep points 0–${first!.points - 1} exactly once`);
  }
  const { base, replications, seed, objectives, constraints, confidence } = first!.result;
  return { base, replications, seed, objectives, constraints, confidence, rows, frontier: feasibleFront(rows) };
}

/** `hubsim merge PART…`: combines shard partials into exactly the result of the unsharded run. */
export function mergeCommand(program: Command, io: Io): void {
  program
    .command("merge")
    .description("combine the partial files of a sharded run, sweep or calibration round into the whole result")
    .argument("<partials...>", "partial-*.json files written by --shard")
    .option("--out <dir>", "write the merged outputs here")
    .option("--json", "print the summary as JSON")
    .option("--html <file>", "also write the HTML report")
    .action((files: string[], options: { out?: string; json?: boolean; html?: string }) => {
      const started = new Date();
      const data = files.map((f) => readJson(f));
      if (data.some(isCalibrationPartial)) {
        if (options.out === undefined) throw new UserError("merging calibration shards needs --out DIR: the fit they belong to");
        mergeCalibration(files, data, options.out, (f) => loadScenario(f), availableParallelism(), io);
        return;
      }
      const parts: Partial[] = files.map((f, i) => parsePartial(f, data[i]));
      if (new Set(parts.map((p) => p.kind)).size !== 1) {
        throw new UserError("merge needs partial files of one kind, all from `hubsim run --shard` or all from `hubsim sweep --shard`");
      }
      if (parts[0]!.kind === "hubsim-run-partial") {
        const run = parts as RunPartial[];
        reportForecast(mergeRuns(run), run[0]!.scenarioFile, options, io, started);
      } else {
        reportSweep(mergeSweeps(parts as SweepPartial[]), options, io);
      }
    });
}
