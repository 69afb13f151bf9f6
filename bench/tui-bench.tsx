/**
 * The TUI's latency on the national baseline, as a user meets it: the app rendered (ink-testing-
 * library's terminal, 100×30), runs on a 2-worker pool. Edit → first updated chart: the time from
 * a key press that changes a threshold, with a run in flight, to the first frame drawn from the
 * new scenario's run (runs are numbered to tell them apart). Edit → full forecast: from the key
 * press to the status line's "20/20 … done", with no run in flight at the edit. Key → view: the
 * time from a view key to its frame while a run streams.
 */
import { performance } from "node:perf_hooks";
import { median } from "d3-array";
import { render } from "ink-testing-library";
import { liveAppraisal, liveForecast, seek } from "../src/experiment/index.js";
import { loadScenario } from "../src/cli/scenario-loader.js";
import { defaultScenario } from "../src/cli/forecast-output.js";
import { workerPool } from "../src/cli/worker-pool.js";
import { App, type CatalogEntry, type ForecastRunner } from "../src/tui/index.js";

const RIGHT = "\u001B[C", LEFT = "\u001B[D", DOWN = "\u001B[B";

/** Milliseconds until `ready()` holds, polling every `every` ms (Infinity after `limit` ms). */
async function until(ready: () => boolean, limit = 10_000, every = 1): Promise<number> {
  const start = performance.now();
  while (!ready()) {
    if (performance.now() - start > limit) return Infinity;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  return performance.now() - start;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Median latencies (ms) of `edits` threshold edits and as many view switches, after a warm-up. */
export async function tuiLatency(edits: number, fullForecasts = 3): Promise<TuiLatency> {
  const pool = workerPool(2, { warmUp: true });
  // Each run is numbered and its first snapshot noted, so a frame can be told apart from the
  // frames of the run the edit cancelled.
  let runs = 0, firstSnapshotOf = -1;
  const runner: ForecastRunner = async function* (scenario, plan, signal) {
    const run = ++runs;
    for await (const snapshot of liveForecast(scenario, plan, pool, signal)) {
      if (firstSnapshotOf < run) firstSnapshotOf = run;
      yield snapshot;
    }
  };
  const initial: CatalogEntry = { file: defaultScenario(), scenario: loadScenario(defaultScenario()) };
  const app = render(<App runner={runner} appraiser={(scenario, plan, signal) => liveAppraisal(scenario, plan, pool, signal)} seeker={(base, spec, plan, signal) => seek(base, spec, plan, pool, signal)} catalog={[initial]} initial={initial} save={() => Promise.resolve("")} clock={() => performance.now()} colour={0} size={{ columns: 100, rows: 30 }} />);
  const frame = (): string => app.lastFrame() ?? "";
  const status = (): string => frame().split("\n").at(-2) ?? "";
  // Warm-up: both workers have run whole baseline replications, as after a few seconds of use.
  await until(() => /^\S+ [2-9]\/20 /.test(status()), 60_000);
  app.stdin.write("3");
  await pause(50);
  app.stdin.write(DOWN); // from the trigger measure to the unallocated trigger level
  const editToChart: number[] = [], keyToView: number[] = [];
  for (let i = 0; i < edits; i++) {
    await pause(400); // a run is in flight: the edit must cancel it
    const run = runs + 1;
    app.stdin.write(i % 2 === 0 ? RIGHT : LEFT);
    // Drawn: the new run has yielded a snapshot and the status no longer shows the old forecast.
    editToChart.push(await until(() => runs >= run && firstSnapshotOf >= run && !status().includes("updating")));
    await pause(150);
    const view = i % 2 === 0 ? "2" : "3", marker = view === "2" ? "─ in hubs ─" : "Threshold";
    app.stdin.write(view);
    keyToView.push(await until(() => frame().includes(marker)));
    if (view === "2") {
      app.stdin.write("3");
      await until(() => frame().includes("Threshold"));
    }
  }
  const editToForecast: number[] = [], mainBusy: number[] = [];
  for (let i = 0; i < fullForecasts; i++) {
    await until(() => status().includes("· done"), 120_000); // the run in flight ends: this edit is timed alone
    app.stdin.write(RIGHT); // always a setting not yet run: one already run would show its forecast at once
    const t0 = performance.now(), busy0 = performance.eventLoopUtilization();
    await until(() => !status().includes("· done"), 5_000);
    // Polled every 20 ms, so the bench's own polling barely counts in the main thread's busy share.
    await until(() => /\b(\d+)\/\1 replications .*· done/.test(status()), 120_000, 20);
    editToForecast.push(performance.now() - t0);
    mainBusy.push(performance.eventLoopUtilization(busy0).utilization);
  }
  app.unmount();
  await pool.close();
  return { editToChart, editToForecast, keyToView, mainBusy };
}

/**
 * Latencies (ms) of the TUI on the baseline, and the share of each full forecast's time the main
 * thread was busy (folding, bands, drawing): on 2 cores, time the workers do not get.
 */
export interface TuiLatency { readonly editToChart: number[]; readonly editToForecast: number[]; readonly keyToView: number[]; readonly mainBusy: number[] }

/** One line per measure: the median and the range over the edits. */
export function tuiLatencyText(r: TuiLatency): string[] {
  const line = (label: string, ms: number[], target: string): string =>
    `  ${label}: median ${median(ms)!.toFixed(0)} ms (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)} ms over ${ms.length})${target}`;
  return [
    "TUI on the national baseline (100×30, 2 workers, a run in flight at each edit):",
    line("edit → first updated chart", r.editToChart, " (target < 300 ms)"),
    line("edit → full forecast (20 replications)", r.editToForecast, " (target <= 3,000 ms)"),
    `    main thread busy ${(100 * median(r.mainBusy)!).toFixed(0)}% of that time (median; folding replications, bands and frames)`,
    line("view key → its frame during a run", r.keyToView, ""),
  ];
}
