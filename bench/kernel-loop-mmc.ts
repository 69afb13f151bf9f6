/**
 * FCFS M/M/c on the kernel's Simulation alone, with the waiting line kept by the model in a
 * typed-array ring: measures the event loop (schedule, heap, dispatch) without Resource and
 * monitors, to separate the two costs in the benchmark.
 */
import { exponential, Simulation, streamFor } from "../src/kernel/index.js";

/** Runs to `horizon`; returns model events (arrivals + departures) and the mean wait. */
export function kernelLoopMmc(arrivalRate: number, serviceRate: number, servers: number, horizon: number, seed: number): { events: number; meanWait: number } {
  const sim = new Simulation();
  const arrivals = streamFor(seed, 0, "arrivals"), service = streamFor(seed, 0, "service");
  let ring = new Float64Array(1024), head = 0, count = 0;
  let busy = 0, events = 0, waitSum = 0, served = 0;
  const depart = (): void => {
    events++;
    if (count === 0) {
      busy--;
      return;
    }
    waitSum += sim.now - ring[head]!;
    head = (head + 1) % ring.length; count--; served++;
    sim.schedule(exponential(service, serviceRate), depart);
  };
  const arrive = (): void => {
    events++;
    sim.schedule(exponential(arrivals, arrivalRate), arrive);
    if (busy < servers) {
      busy++; served++;
      sim.schedule(exponential(service, serviceRate), depart);
      return;
    }
    if (count === ring.length) {
      const bigger = new Float64Array(ring.length * 2);
      for (let k = 0; k < count; k++) bigger[k] = ring[(head + k) % ring.length]!;
      ring = bigger; head = 0;
    }
    ring[(head + count++) % ring.length] = sim.now;
  };
  sim.schedule(exponential(arrivals, arrivalRate), arrive);
  sim.run(horizon);
  return { events, meanWait: waitSum / served };
}
