import { describe, expect, it } from "vitest";
import { Resource, Simulation } from "../../src/kernel/index.js";

describe("Resource", () => {
  it("grants at once while units are free, then serves by priority and arrival order", () => {
    const sim = new Simulation();
    const server = new Resource(sim, 1);
    const log: string[] = [];
    const hold = (id: number, waited: number): void => {
      log.push(`${id} at ${sim.now} after ${waited}`);
      sim.schedule(10, () => server.release());
    };
    sim.schedule(0, () => server.request(hold, 1, 5));
    sim.schedule(1, () => server.request(hold, 2, 5));
    sim.schedule(2, () => server.request(hold, 3, 1));
    sim.schedule(3, () => server.request(hold, 4, 5));
    sim.run();
    expect(log).toEqual(["1 at 0 after 0", "3 at 10 after 8", "2 at 20 after 19", "4 at 30 after 27"]);
    expect(server.waits.mean).toBe((0 + 8 + 19 + 27) / 4);
    expect(server.busy.mean(40)).toBe(1);
    // queue: 0 on [0,1), 1 on [1,2), 2 on [2,3), 3 on [3,10), 2 on [10,20), 1 on [20,30), 0 after
    expect(server.queueLength.mean(40)).toBeCloseTo((1 + 2 + 21 + 20 + 10) / 40, 12);
  });

  it("tracks units in use and requests waiting", () => {
    const sim = new Simulation();
    const pool = new Resource(sim, 2);
    for (let i = 0; i < 3; i++) pool.request(() => {});
    expect([pool.used, pool.waiting]).toEqual([2, 1]);
    pool.release();
    expect([pool.used, pool.waiting]).toEqual([2, 0]);
  });

  it("names the offending value on misuse", () => {
    const sim = new Simulation();
    expect(() => new Resource(sim, 0)).toThrow("capacity must be an integer in [1, 2147483647] (got 0)");
    expect(() => new Resource(sim, -3)).toThrow("got -3");
    expect(() => new Resource(sim, 2.5)).toThrow("got 2.5");
    expect(() => new Resource(sim, 1).release()).toThrow("release() called with no unit in use");
  });
});
