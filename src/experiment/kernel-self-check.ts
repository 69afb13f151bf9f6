import { erlangC, mmcMeanWait, mmcPriorityMeanWaits, simulateMmc, type MmcResult } from "../kernel/queueing/index.js";
import { meanConfidenceInterval } from "./statistics/index.js";

/** One simulated measure set against its closed form. */
export interface SelfCheckRow {
  readonly queue: string;
  readonly measure: string;
  readonly analytic: number;
  readonly mean: number;
  readonly halfWidth: number;
  /** Whether the 95% interval covers the analytic value. */
  readonly covered: boolean;
}

interface Case {
  readonly queue: string;
  readonly rates: readonly number[];
  readonly servers: number;
  readonly horizon: number;
  readonly measures: readonly (readonly [string, number, (r: MmcResult) => number])[];
}

const CASES: readonly Case[] = [
  { queue: "M/M/1 rho=0.8", rates: [0.8], servers: 1, horizon: 50_000, measures: [
    ["mean wait", mmcMeanWait(0.8, 1, 1), (r) => r.meanWait],
    ["P(wait>0)", 0.8, (r) => r.probabilityOfWaiting],
  ] },
  { queue: "M/M/20 rho=0.9", rates: [18], servers: 20, horizon: 10_000, measures: [
    ["mean wait", mmcMeanWait(18, 1, 20), (r) => r.meanWait],
    ["P(wait>0) Erlang C", erlangC(20, 18), (r) => r.probabilityOfWaiting],
  ] },
  { queue: "M/M/10 3 priorities", rates: [3, 3, 3], servers: 10, horizon: 20_000,
    measures: mmcPriorityMeanWaits([3, 3, 3], 1, 10).map((w, k) => [`class ${k} mean wait`, w, (r: MmcResult) => r.meanWaitByClass[k]!] as const) },
];

/**
 * Validates the kernel against queueing theory: seeded replications of three queues, each
 * measure's 95% confidence interval set against its closed form. Yields one row at a time.
 */
export function* kernelSelfCheck(replications: number, seed: number): Generator<SelfCheckRow> {
  for (const c of CASES) {
    const runs = Array.from({ length: replications }, (_, replication) =>
      simulateMmc({ arrivalRates: c.rates, serviceRate: 1, servers: c.servers, horizon: c.horizon, warmup: 1_000, seed, replication }));
    for (const [measure, analytic, pick] of c.measures) {
      const ci = meanConfidenceInterval(runs.map(pick));
      yield { queue: c.queue, measure, analytic, mean: ci.mean, halfWidth: ci.halfWidth, covered: Math.abs(ci.mean - analytic) <= ci.halfWidth };
    }
  }
}
