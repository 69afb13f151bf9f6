/** The kernel benchmark: M/M/1 and M/M/20 on the kernel, on a bare loop and (when present) on SimPy. */
import { median } from "d3-array";
import { simulateMmc } from "../src/kernel/queueing/index.js";
import { bareLoopMmc } from "./bare-loop.js";
import { kernelLoopMmc } from "./kernel-loop-mmc.js";
import { simpyEventsPerSecond, simpyPython, simpyScript } from "./simpy.js";

/** One queue to time. */
export interface QueueCase {
  readonly key: "a" | "b";
  readonly name: string;
  readonly arrivalRate: number;
  readonly servers: number;
  /** Simulated time giving about `targetEvents` model events. */
  readonly horizon: number;
}

/** Median model events per second of each engine on one case, and the ratios. */
export interface QueueResult {
  readonly name: string;
  readonly modelEvents: number;
  readonly runs: number;
  readonly bare: number;
  readonly kernel: number;
  readonly kernelLoop: number;
  readonly kernelOverBare: number;
  readonly kernelLoopOverBare: number;
  readonly simpy?: { readonly perSecond: number; readonly modelEvents: number; readonly kernelOverSimpy: number };
}

/** The two queues of the issue: about 0.5 M and 10 M model events (2λ events per time unit). */
export function queueCases(scale = 1): QueueCase[] {
  return [
    { key: "a", name: "M/M/1 rho=0.8", arrivalRate: 0.8, servers: 1, horizon: Math.round((scale * 0.5e6) / 1.6) },
    { key: "b", name: "M/M/20 rho=0.9", arrivalRate: 18, servers: 20, horizon: Math.round((scale * 10e6) / 36) },
  ];
}

function perSecond(run: () => number): number {
  const t0 = performance.now();
  const events = run();
  return events / ((performance.now() - t0) / 1000);
}

/** Times each engine `runs` times, interleaved so machine noise hits all alike, and takes medians. */
export function benchQueue(c: QueueCase, runs: number, simpyEvents: number): QueueResult {
  const bare: number[] = [], kernel: number[] = [], loop: number[] = [];
  let modelEvents = 0;
  for (let r = 0; r < runs; r++) {
    bare.push(perSecond(() => bareLoopMmc(c.arrivalRate, 1, c.servers, c.horizon, r).events));
    loop.push(perSecond(() => kernelLoopMmc(c.arrivalRate, 1, c.servers, c.horizon, r).events));
    kernel.push(perSecond(() => {
      const res = simulateMmc({ arrivalRates: [c.arrivalRate], serviceRate: 1, servers: c.servers, horizon: c.horizon, warmup: 0, seed: r, replication: 0, monitored: false });
      modelEvents = res.modelEvents;
      return res.modelEvents;
    }));
  }
  const m = (xs: number[]): number => median(xs) ?? NaN;
  const result = {
    name: c.name, modelEvents, runs, bare: m(bare), kernel: m(kernel), kernelLoop: m(loop),
    kernelOverBare: m(kernel.map((k, i) => k / bare[i]!)),
    kernelLoopOverBare: m(loop.map((k, i) => k / bare[i]!)),
  };
  const simpy = benchSimpy(c, runs, simpyEvents);
  return simpy === undefined ? result : { ...result, simpy: { ...simpy, kernelOverSimpy: result.kernel / simpy.perSecond } };
}

function benchSimpy(c: QueueCase, runs: number, events: number): { perSecond: number; modelEvents: number } | undefined {
  const python = simpyPython(), script = simpyScript();
  if (python === undefined || script === undefined || events <= 0) return undefined;
  const horizon = Math.round(events / (2 * c.arrivalRate));
  const results = Array.from({ length: runs }, (_, r) => simpyEventsPerSecond(python, script, c.key, horizon, r + 1));
  return { perSecond: median(results, (x) => x.perSecond) ?? NaN, modelEvents: results[0]!.events };
}
