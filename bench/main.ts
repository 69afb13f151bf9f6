/**
 * `npm run bench`: model events per second of the hubsim kernel against a bare event loop and
 * SimPy, as medians of several interleaved runs and ratios measured in the same run.
 * Then the model: events/s of a national 5-year replication against the bare loop, the speed-up
 * of 2 workers over 1, and peak RSS for 10 against 1,000 replications.
 * Flags: --runs N (default 3), --simpy-events N (default 500000; 0 skips SimPy), --rss-reps N
 * (default 1000), --kernel-only, --tui-only, --quick, --json.
 * Last, the TUI: edit → first updated chart and key → view latencies on the baseline.
 */
import { benchQueue, queueCases, type QueueResult } from "./kernel-bench.js";
import { modelSpeed, peakRss, workerSpeedup } from "./model-bench.js";

interface Options { runs: number; simpyEvents: number; scale: number; json: boolean; model: boolean; rssReps: number; speedupReps: number; quick: boolean; kernelOnly: boolean; tuiOnly: boolean }

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string, fallback: number): number => {
    const i = argv.indexOf(flag);
    if (i < 0) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a number ≥ 0 (got ${String(argv[i + 1])})`);
    return n;
  };
  const quick = argv.includes("--quick");
  return {
    runs: Math.max(1, Math.round(value("--runs", quick ? 1 : 3))),
    simpyEvents: value("--simpy-events", quick ? 50_000 : 500_000),
    scale: quick ? 0.05 : 1,
    json: argv.includes("--json"),
    model: !argv.includes("--kernel-only"),
    rssReps: value("--rss-reps", quick ? 100 : 1000),
    speedupReps: quick ? 4 : 20,
    quick,
    kernelOnly: argv.includes("--kernel-only"),
    tuiOnly: argv.includes("--tui-only"),
  };
}

const fmt = (x: number): string => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${(x / 1e3).toFixed(1)} k`);

function table(results: readonly QueueResult[]): string {
  const lines = ["queue            model events  bare loop/s  kernel/s   kernel/bare  loop-only/s  loop/bare  SimPy/s   kernel/SimPy"];
  for (const r of results) {
    lines.push([
      r.name.padEnd(16), String(r.modelEvents).padStart(12), fmt(r.bare).padStart(11), fmt(r.kernel).padStart(9),
      `${r.kernelOverBare.toFixed(2)}x`.padStart(12), fmt(r.kernelLoop).padStart(12), `${r.kernelLoopOverBare.toFixed(2)}x`.padStart(10),
      (r.simpy ? fmt(r.simpy.perSecond) : "n/a").padStart(8), (r.simpy ? `${r.simpy.kernelOverSimpy.toFixed(0)}x` : "n/a").padStart(14),
    ].join(" "));
  }
  return lines.join("\n");
}

const options = parseOptions(process.argv.slice(2));
const log = (line: string): void => {
  if (!options.json) console.log(line);
};
log(`hubsim benchmark (Node ${process.version}, median of ${options.runs} interleaved runs; machines are noisy: read the ratios)`);
const results = options.tuiOnly ? [] : queueCases(options.scale).map((c) => benchQueue(c, options.runs, options.simpyEvents));
if (!options.tuiOnly) log(table(results));
if (!options.tuiOnly) log("kernel = Simulation + Resource (priority waiting line) + per-class wait tallies: the same work as SimPy's script;");
if (!options.tuiOnly) log("loop-only = Simulation with the waiting line in the model; bare = typed-array heap, inlined handlers, same Alea generator.");
if (results.some((r) => r.simpy === undefined)) log("SimPy not found: apt-get install -y python3-simpy3 to add the SimPy column.");
let model: object = {};
if (options.model && !options.tuiOnly) {
  const speed = modelSpeed(options.runs);
  log(`\nnational baseline, one 5-year replication: ${fmt(speed.changes + speed.reviews)} model events (${fmt(speed.changes)} case and staff state changes + ${fmt(speed.reviews)} scheduled reviews)`);
  log(`  model ${fmt(speed.model)}/s, bare loop ${fmt(speed.bare)}/s: model/bare ${speed.ratio.toFixed(2)}x (target >= 0.25x); state changes alone ${fmt(speed.changesOnly)}/s: ${speed.ratioChangesOnly.toFixed(2)}x`);
  const workers = await workerSpeedup(options.speedupReps);
  log(`${workers.reps} baseline replications: 1 worker ${workers.oneThread.toFixed(1)} s, 2 workers ${workers.twoWorkers.toFixed(1)} s: speed-up ${workers.speedup.toFixed(2)}x (target >= 1.8x)`);
  const rss = peakRss([...new Set([10, 100, options.rssReps])]);
  log(`peak RSS of hubsim run (17 areas x 260 weeks, 2 workers): ${rss.map((r) => `${r.reps} reps ${r.mib.toFixed(0)} MiB`).join(", ")}`);
  const [first, settled, last] = [rss[0]!, rss[1]!, rss.at(-1)!];
  log(`  ${last.reps} vs 10 reps ${(last.mib / first.mib).toFixed(2)}x (target <= 1.2x); ${last.reps} vs ${settled.reps} reps ${(last.mib / settled.mib).toFixed(2)}x (each thread's first ~100 replications grow its V8 heap as it settles)`);
  const { calibrationSpeed } = await import("./calibration-bench.js");
  const calibration = await calibrationSpeed(options.quick ? 8 : 40);
  log(`calibration (covid-2020 to Jan 2025, 2 workers): ${calibration.simulations} simulated parameter sets at ${calibration.perSecond.toFixed(2)}/s: 1,000 would take ${calibration.minutesPer1000.toFixed(1)} min (target <= 15 min)`);
  model = { speed, workers, rss, calibration };
}
let tui: object = {};
if (!options.kernelOnly || options.tuiOnly) {
  // As bin/hubsim.js does: React's production build, set before React is first loaded.
  process.env.NODE_ENV ??= "production";
  const { tuiLatency, tuiLatencyText } = await import("./tui-bench.js");
  const latency = await tuiLatency(options.quick ? 3 : 9);
  log("");
  tuiLatencyText(latency).forEach((line) => log(line));
  tui = latency;
}
if (options.json) console.log(JSON.stringify({ node: process.version, runs: options.runs, kernel: results, model, tui }, null, 2));
