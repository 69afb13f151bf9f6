/** The model benchmark: events/s of a national 5-year replication, time against scale, worker throughput cold and warm, and memory against replications. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { mean, median, sum } from "d3-array";
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
export interface ModelSpeed { readonly changes: number; readonly reviews: number; readonly model: number; readonly changesOnly: number; readonly bare: number; readonly ratio: number; readonly ratioChangesOnly: number; readonly seconds: number }

/**
 * Median events/s of `runs` baseline replications against the bare loop, interleaved, after one
 * replication to warm the JIT (a run of 20 replications spends 19 of them warm).
 */
export function modelSpeed(runs: number): ModelSpeed {
  const scenario = baseline(), model: number[] = [], changesOnly: number[] = [], bare: number[] = [], times: number[] = [];
  let changes = 0, reviews = 0;
  runReplication(scenario, 1, runs);
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    const result = runReplication(scenario, 1, r);
    const seconds = (performance.now() - t0) / 1000;
    times.push(seconds);
    model.push((result.events + result.reviews) / seconds);
    changesOnly.push(result.events / seconds);
    changes = result.events;
    reviews = result.reviews;
    t0 = performance.now();
    const b = bareLoopMmc(18, 1, 20, 2e6 / 36, r);
    bare.push(b.events / ((performance.now() - t0) / 1000));
  }
  const ratio = (xs: number[]): number => median(xs.map((m, i) => m / bare[i]!))!;
  return { changes, reviews, model: median(model)!, changesOnly: median(changesOnly)!, bare: median(bare)!, ratio: ratio(model), ratioChangesOnly: ratio(changesOnly), seconds: median(times)! };
}

/** Seconds `reps` baseline replications take on `executor`, folded into a forecast as `hubsim run` does. */
async function timeRun(scenario: Scenario, reps: number, executor: ReplicationExecutor): Promise<number> {
  const t0 = performance.now();
  await runForecast(scenario, { replications: reps, seed: 1 }, executor);
  return (performance.now() - t0) / 1000;
}

/** Throughput of worker pools on the baseline (fixed inputs), as medians of `runs` runs. */
export interface WorkerSpeed {
  readonly reps: number;
  /** `reps` replications on 2 workers started for the run (threads, modules and JIT all cold), and on a warm pool. */
  readonly coldSeconds: number; readonly warmSeconds: number;
  /** Replications a second on a warm pool of 1 worker and of 2, and the speed-up. */
  readonly perSecondOne: number; readonly perSecondTwo: number; readonly speedup: number;
}

/**
 * Cold: a fresh 2-worker pool per run, timed from its creation to the last replication folded in.
 * Warm: pools warmed up on the built-in scenario and one baseline replication a worker (as the
 * TUI's pool is after its first forecast), then timed on `reps` (2 workers) or `oneReps` (1 worker).
 */
export async function workerSpeed(runs: number, reps: number, oneReps: number): Promise<WorkerSpeed> {
  const scenario = baseline(), cold: number[] = [], two: number[] = [], one: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now(), pool = workerPool(2);
    await runForecast(scenario, { replications: reps, seed: 1 }, pool);
    cold.push((performance.now() - t0) / 1000);
    await pool.close();
  }
  for (const [size, times, n] of [[2, two, reps], [1, one, oneReps]] as const) {
    const pool = workerPool(size, { warmUp: true });
    await pool.warm;
    await timeRun(scenario, size, pool);
    for (let r = 0; r < runs; r++) times.push(await timeRun(scenario, n, pool));
    await pool.close();
  }
  const perSecondOne = oneReps / median(one)!, perSecondTwo = reps / median(two)!;
  return { reps, coldSeconds: median(cold)!, warmSeconds: median(two)!, perSecondOne, perSecondTwo, speedup: perSecondTwo / perSecondOne };
}

/** The baseline with national demand and FTE (and today's backlog with them) multiplied by `k`. */
export function scaledBaseline(k: number): Scenario {
  const s = baseline();
  const initial = (i: NonNullable<Scenario["areas"][number]["initial"]>): typeof i => ({
    ...i, openPublic: Math.round(i.openPublic * k), openWtfh: Math.round(i.openWtfh * k), openFurtherWork: Math.round(i.openFurtherWork * k),
    awaitingAllocation: Math.round(i.awaitingAllocation * k), inHub: Math.round(i.inHub * k),
    ...(i.fcasLongSick === undefined ? {} : { fcasLongSick: Math.round(i.fcasLongSick * k) }), ...(i.vacantPosts === undefined ? {} : { vacantPosts: Math.round(i.vacantPosts * k) }),
  });
  return {
    ...s,
    national: { ...s.national, demand: { ...s.national.demand, multiplier: s.national.demand.multiplier * k }, workforce: { ...s.national.workforce, fteMultiplier: s.national.workforce.fteMultiplier * k } },
    areas: s.areas.map((a) => ({ ...a, ...(a.initial === undefined ? {} : { initial: initial(a.initial) }), ...(a.baselineOpenCases === undefined ? {} : { baselineOpenCases: a.baselineOpenCases * k }) })),
  };
}

/** Scales of the national demand and FTE the scaling benchmark runs at. */
export const SCALES = [0.25, 0.5, 1, 2, 4] as const;

/**
 * Seconds per replication (median of `runs`, in this thread, warm) at each of SCALES, and the
 * exponent b of time ∝ scale^b fitted by least squares on the logs.
 */
export function scaling(runs: number): { readonly scales: readonly number[]; readonly seconds: number[]; readonly exponent: number } {
  const scenarios = SCALES.map(scaledBaseline), times: number[][] = SCALES.map(() => []);
  runReplication(scenarios[0]!, 1, runs); // the JIT warm on small and large alike
  for (let r = 0; r < runs; r++) {
    scenarios.forEach((scenario, i) => {
      const t0 = performance.now();
      runReplication(scenario, 1, r);
      times[i]!.push((performance.now() - t0) / 1000);
    });
  }
  const seconds = times.map((t) => median(t)!);
  return { scales: SCALES, seconds, exponent: logLogSlope(SCALES, seconds) };
}

/** The least-squares slope of log y on log x. */
export function logLogSlope(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log), ly = ys.map(Math.log), mx = mean(lx)!, my = mean(ly)!;
  return sum(lx, (x, i) => (x - mx) * (ly[i]! - my)) / sum(lx, (x) => (x - mx) ** 2);
}

/** Peak RSS (MiB) of `hubsim run` on a light national scenario (17 areas, 260 weeks) for each replication count. */
export function peakRss(replicationCounts: readonly number[]): { reps: number; mib: number }[] {
  return replicationCounts.map((reps) => {
    const r = spawnSync(process.execPath, ["--single-threaded-gc", "--import", root("bench/report-rss.mjs"), root("bin/hubsim.js"), "run", root("bench/rss-scenario.json"), "--reps", String(reps), "--workers", "2", "--json"], { encoding: "utf8", maxBuffer: 1 << 28 });
    const match = /HUBSIM_MAX_RSS_KB=(\d+)/.exec(r.stderr);
    if (r.status !== 0 || match === null) throw new Error(`hubsim run failed: ${r.stderr}`);
    return { reps, mib: Number(match[1]) / 1024 };
  });
}
