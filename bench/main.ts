/**
 * `npm run bench`: model events per second of the hubsim kernel against a bare event loop and
 * SimPy, as medians of several interleaved runs and ratios measured in the same run.
 * Then the model: events/s of a national 5-year replication against the bare loop, time per
 * replication against scale (¼× to 4× the national demand and FTE) with its fitted exponent,
 * replications a second on 1 and 2 warm workers, 20 replications cold and warm, and peak RSS
 * for 100 against 1,000 replications.
 * Flags: --runs N (default 3), --simpy-events N (default 500000; 0 skips SimPy), --rss-reps N
 * (default 1000), --reps N (replications of the worker timings, default 20), --kernel-only,
 * --model-only, --tui-only, --quick, --json.
 * Last, the TUI: edit → first updated chart, edit → full forecast and key → view latencies on the baseline.
 */
import { benchQueue, queueCases, type QueueResult } from "./kernel-bench.js";
import { modelSpeed, peakRss, scaling, workerSpeed } from "./model-bench.js";

interface Options { runs: number; simpyEvents: number; scale: number; json: boolean; model: boolean; rssReps: number; speedupReps: number; quick: boolean; kernelOnly: boolean; tuiOnly: boolean; modelOnly: boolean }

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
    speedupReps: Math.max(2, Math.round(value("--reps", quick ? 4 : 20))),
    quick,
    kernelOnly: argv.includes("--kernel-only"),
    tuiOnly: argv.includes("--tui-only"),
    modelOnly: argv.includes("--model-only"),
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
const kernel = !options.tuiOnly && !options.modelOnly;
const results = !kernel ? [] : queueCases(options.scale).map((c) => benchQueue(c, options.runs, options.simpyEvents));
if (kernel) log(table(results));
if (kernel) log("kernel = Simulation + Resource (priority waiting line) + per-class wait tallies: the same work as SimPy's script;");
if (kernel) log("loop-only = Simulation with the waiting line in the model; bare = typed-array heap, inlined handlers, same Alea generator.");
if (results.some((r) => r.simpy === undefined)) log("SimPy not found: apt-get install -y python3-simpy3 to add the SimPy column.");
let model: object = {};
if (options.model && !options.tuiOnly) {
  const speed = modelSpeed(options.runs);
  log(`\nnational baseline, one 5-year replication: ${fmt(speed.changes + speed.reviews)} model events (${fmt(speed.changes)} case and staff state changes + ${fmt(speed.reviews)} scheduled reviews)`);
  log(`  model ${fmt(speed.model)}/s, bare loop ${fmt(speed.bare)}/s: model/bare ${speed.ratio.toFixed(2)}x (target >= 0.5x); state changes alone ${fmt(speed.changesOnly)}/s: ${speed.ratioChangesOnly.toFixed(2)}x`);
  log(`  one replication ${(speed.seconds * 1000).toFixed(0)} ms in this thread (warm)`);
  const scaled = scaling(options.quick ? 1 : options.runs);
  log(`time per replication at ${scaled.scales.map((k) => `${k}x`).join(", ")} the national demand and FTE: ${scaled.seconds.map((t) => `${t.toFixed(2)} s`).join(", ")}`);
  log(`  fitted exponent ${scaled.exponent.toFixed(2)} (time ~ scale^b; target 0.9-1.1)`);
  const workers = await workerSpeed(options.quick ? 1 : options.runs, options.speedupReps, options.quick ? 2 : 6);
  log(`baseline replications a second (fixed inputs, warm pools): 1 worker ${workers.perSecondOne.toFixed(2)}/s, 2 workers ${workers.perSecondTwo.toFixed(2)}/s: speed-up ${workers.speedup.toFixed(2)}x`);
  log(`${workers.reps} baseline replications on 2 workers: cold start ${workers.coldSeconds.toFixed(1)} s, warm pool ${workers.warmSeconds.toFixed(1)} s (target <= 3 s)`);
  const rss = peakRss([...new Set([100, options.rssReps])]);
  log(`peak RSS of hubsim run (17 areas x 260 weeks, 2 workers): ${rss.map((r) => `${r.reps} reps ${r.mib.toFixed(0)} MiB`).join(", ")}`);
  const [first, last] = [rss[0]!, rss.at(-1)!];
  log(`  ${last.reps} vs ${first.reps} reps ${(last.mib / first.mib).toFixed(2)}x (target <= 1.25x)`);
  const { calibrationSpeed } = await import("./calibration-bench.js");
  const calibration = await calibrationSpeed(options.quick ? 8 : 40);
  log(`calibration (covid-2020 to Jan 2025, 2 workers): ${calibration.simulations} simulated parameter sets at ${calibration.perSecond.toFixed(2)}/s: 1,000 would take ${calibration.minutesPer1000.toFixed(1)} min (target <= 15 min)`);
  model = { speed, scaling: scaled, workers, rss, calibration };
}
let tui: object = {};
if ((!options.kernelOnly && !options.modelOnly) || options.tuiOnly) {
  // As bin/hubsim.js does: React's production build, set before React is first loaded.
  process.env.NODE_ENV ??= "production";
  const { tuiLatency, tuiLatencyText } = await import("./tui-bench.js");
  const latency = await tuiLatency(options.quick ? 3 : 9);
  log("");
  tuiLatencyText(latency).forEach((line) => log(line));
  tui = latency;
}
if (options.json) console.log(JSON.stringify({ node: process.version, runs: options.runs, kernel: results, model, tui }, null, 2));
