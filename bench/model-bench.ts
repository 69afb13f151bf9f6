/** The model benchmark: events/s of a national 5-year replication, worker speed-up, and memory against replications. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { median } from "d3-array";
import { workerPool } from "../src/cli/worker-pool.js";
import { runForecast, type ReplicationExecutor } from "../src/experiment/index.js";
import { parseScenario, runReplication, type Scenario } from "../src/model/index.js";
import { bareLoopMmc } from "./bare-loop.js";

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The baseline scenario, parsed. */
export function baseline(): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(root("scenarios/baseline.json"), "utf8")));
  if (!parsed.ok) throw new Error("scenarios/baseline.json does not parse");
  return parsed.scenario;
}

/** Model speed: state changes alone, and with the scheduled reviews (see ReplicationResult). */
export interface ModelSpeed { readonly changes: number; readonly reviews: number; readonly model: number; readonly changesOnly: number; readonly bare: number; readonly ratio: number; readonly ratioChangesOnly: number }

/**
 * Median events/s of `runs` baseline replications against the bare loop, interleaved, after one
 * replication to warm the JIT (a run of 20 replications spends 19 of them warm).
 */
export function modelSpeed(runs: number): ModelSpeed {
  const scenario = baseline(), model: number[] = [], changesOnly: number[] = [], bare: number[] = [];
  let changes = 0, reviews = 0;
  runReplication(scenario, 1, runs);
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    const result = runReplication(scenario, 1, r);
    const seconds = (performance.now() - t0) / 1000;
    model.push((result.events + result.reviews) / seconds);
    changesOnly.push(result.events / seconds);
    changes = result.events;
    reviews = result.reviews;
    t0 = performance.now();
    const b = bareLoopMmc(18, 1, 20, 2e6 / 36, r);
    bare.push(b.events / ((performance.now() - t0) / 1000));
  }
  const ratio = (xs: number[]): number => median(xs.map((m, i) => m / bare[i]!))!;
  return { changes, reviews, model: median(model)!, changesOnly: median(changesOnly)!, bare: median(bare)!, ratio: ratio(model), ratioChangesOnly: ratio(changesOnly) };
}

async function timeRun(scenario: Scenario, reps: number, executor: ReplicationExecutor): Promise<number> {
  const t0 = performance.now();
  await runForecast(scenario, { replications: reps, seed: 1 }, executor);
  await executor.close();
  return (performance.now() - t0) / 1000;
}

/**
 * Wall time of `reps` baseline replications on 1 worker thread and on 2, and the speed-up.
 * Both start cold (fresh threads), so neither gains from this process's warmed-up JIT.
 */
export async function workerSpeedup(reps: number): Promise<{ reps: number; oneThread: number; twoWorkers: number; speedup: number }> {
  const scenario = baseline();
  const oneThread = await timeRun(scenario, reps, workerPool(1));
  const twoWorkers = await timeRun(scenario, reps, workerPool(2));
  return { reps, oneThread, twoWorkers, speedup: oneThread / twoWorkers };
}

/** Peak RSS (MiB) of `hubsim run` on a light national scenario (17 areas, 260 weeks) for each replication count. */
export function peakRss(replicationCounts: readonly number[]): { reps: number; mib: number }[] {
  return replicationCounts.map((reps) => {
    const r = spawnSync(process.execPath, ["--import", root("bench/report-rss.mjs"), root("bin/hubsim.js"), "run", root("bench/rss-scenario.json"), "--reps", String(reps), "--workers", "2", "--json"], { encoding: "utf8", maxBuffer: 1 << 28 });
    const match = /HUBSIM_MAX_RSS_KB=(\d+)/.exec(r.stderr);
    if (r.status !== 0 || match === null) throw new Error(`hubsim run failed: ${r.stderr}`);
    return { reps, mib: Number(match[1]) / 1024 };
  });
}
