import { describe, expect, it } from "vitest";
import { exponential, RandomStreams, Resource, Simulation } from "../../src/kernel/index.js";
import { simulateMmc } from "../../src/kernel/queueing/index.js";

/** A small M/M/2 with a trace of every event, for comparing runs. */
function trace(seed: number): string[] {
  const sim = new Simulation();
  const streams = new RandomStreams(seed, 0);
  const servers = new Resource(sim, 2);
  const log: string[] = [];
  let next = 0;
  const depart = (id: number): void => {
    log.push(`${sim.now.toFixed(6)} depart ${id}`);
    servers.release();
  };
  const start = (id: number): void => {
    log.push(`${sim.now.toFixed(6)} start ${id}`);
    sim.schedule(exponential(streams.stream("service"), 1), depart, id);
  };
  const arrive = (): void => {
    const id = next++;
    log.push(`${sim.now.toFixed(6)} arrive ${id}`);
    if (next < 50) sim.schedule(exponential(streams.stream("arrivals"), 1.5), arrive);
    servers.request(start, id);
  };
  sim.schedule(0, arrive);
  sim.run();
  return log;
}

describe("reproducibility", () => {
  it("gives an identical trace for the same seed", () => {
    expect(trace(11)).toEqual(trace(11));
    expect(trace(11)).not.toEqual(trace(12));
  });

  it("pins the start of a seeded trace (seeded exact values)", () => {
    expect(trace(11).slice(0, 6)).toMatchInlineSnapshot(`
      [
        "0.000000 arrive 0",
        "0.000000 start 0",
        "0.247272 arrive 1",
        "0.247272 start 1",
        "0.968626 arrive 2",
        "1.685044 depart 0",
      ]
    `);
  });

  it("gives identical results for the same seed and replication", () => {
    const spec = { arrivalRates: [3, 3, 3], serviceRate: 1, servers: 10, horizon: 2_000, warmup: 100, seed: 5, replication: 2 };
    expect(simulateMmc(spec)).toEqual(simulateMmc(spec));
  });
});
