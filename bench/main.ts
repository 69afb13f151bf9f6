/**
 * `npm run bench`: model events per second of the hubsim kernel against a bare event loop and
 * SimPy, as medians of several interleaved runs and ratios measured in the same run.
 * Flags: --runs N (default 3), --simpy-events N (default 500000; 0 skips SimPy), --quick, --json.
 */
import { benchQueue, queueCases, type QueueResult } from "./kernel-bench.js";

interface Options { runs: number; simpyEvents: number; scale: number; json: boolean }

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
const results = queueCases(options.scale).map((c) => benchQueue(c, options.runs, options.simpyEvents));
if (options.json) {
  console.log(JSON.stringify({ node: process.version, runs: options.runs, kernel: results }, null, 2));
} else {
  console.log(`hubsim kernel benchmark (Node ${process.version}, median of ${options.runs} interleaved runs)`);
  console.log(table(results));
  console.log("kernel = Simulation + Resource (priority waiting line) + per-class wait tallies: the same work as SimPy's script;");
  console.log("loop-only = Simulation with the waiting line in the model; bare = typed-array heap, inlined handlers, same Alea generator.");
  if (results.some((r) => r.simpy === undefined)) console.log("SimPy not found: apt-get install -y python3-simpy3 to add the SimPy column.");
}
