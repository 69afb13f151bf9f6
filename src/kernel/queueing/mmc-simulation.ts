import { exponential } from "../continuous.js";
import { RandomStreams } from "../random-streams.js";
import { Resource } from "../resource.js";
import { Simulation } from "../simulation.js";
import { Tally } from "../tally.js";

/** An M/M/c queue with K non-preemptive priority classes (class 0 first), one replication. */
export interface MmcSpec {
  readonly arrivalRates: readonly number[];
  readonly serviceRate: number;
  readonly servers: number;
  readonly horizon: number;
  readonly warmup: number;
  readonly seed: number;
  readonly replication: number;
  /** Keep the servers' Level monitors (default true; needed for `meanQueueLength`). */
  readonly monitored?: boolean;
}

/** What one replication measured, counting only customers who arrived after the warm-up. */
export interface MmcResult {
  readonly meanWaitByClass: readonly number[];
  readonly meanWait: number;
  readonly probabilityOfWaiting: number;
  /** Time-weighted mean queue length after the warm-up (NaN when not monitored). */
  readonly meanQueueLength: number;
  /** Arrivals per unit time after the warm-up. */
  readonly arrivalRate: number;
  readonly served: number;
  /** Arrivals plus service completions over the whole run. */
  readonly modelEvents: number;
  /** Events the kernel fired (includes the warm-up marker). */
  readonly kernelEvents: number;
}

/** Simulates one replication of the queue on the kernel: Resource for the servers, one stream per class. */
export function simulateMmc(spec: MmcSpec): MmcResult {
  const sim = new Simulation();
  const streams = new RandomStreams(spec.seed, spec.replication);
  const monitored = spec.monitored ?? true;
  const servers = new Resource(sim, spec.servers, { monitored });
  const serviceRng = streams.stream("service");
  const waits = spec.arrivalRates.map(() => new Tally());
  let events = 0, arrivalsAfterWarmup = 0, waited = 0;

  const depart = (): void => {
    events++;
    servers.release();
  };
  const startService = (klass: number, wait: number): void => {
    if (sim.now - wait >= spec.warmup) {
      waits[klass]!.observe(wait);
      if (wait > 0) waited++;
    }
    sim.schedule(exponential(serviceRng, spec.serviceRate), depart);
  };
  spec.arrivalRates.forEach((rate, klass) => {
    const rng = streams.stream(`arrivals/${klass}`);
    const arrive = (k: number): void => {
      events++;
      if (sim.now >= spec.warmup) arrivalsAfterWarmup++;
      sim.schedule(exponential(rng, rate), arrive, k);
      servers.request(startService, k, k);
    };
    sim.schedule(exponential(rng, rate), arrive, klass);
  });
  sim.scheduleAt(spec.warmup, () => servers.resetStatistics(), 0, -1);
  sim.run(spec.horizon);

  const observed = spec.horizon - spec.warmup;
  const served = waits.reduce((n, t) => n + t.count, 0);
  return {
    meanWaitByClass: waits.map((t) => t.mean),
    meanWait: waits.reduce((s, t) => s + (t.count > 0 ? t.sum : 0), 0) / served,
    probabilityOfWaiting: served > 0 ? waited / served : NaN,
    meanQueueLength: monitored ? servers.queueLength.mean(sim.now) : NaN,
    arrivalRate: arrivalsAfterWarmup / observed,
    served,
    modelEvents: events,
    kernelEvents: sim.steps,
  };
}
