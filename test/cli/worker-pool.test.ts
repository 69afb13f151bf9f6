import { describe, expect, it } from "vitest";
import type * as PoolModule from "../../src/cli/worker-pool.js";
import { smallScenario } from "../helpers/small-scenario.js";

// Workers load compiled JavaScript, so this test drives the built pool (npm test builds first).
const { workerPool } = (await import(new URL("../../dist/src/cli/worker-pool.js", import.meta.url).href)) as typeof PoolModule;

const scenario = smallScenario((s) => {
  s.horizonWeeks = 520;
});

describe("the worker pool", () => {
  it("sends a watched replication's weeks as it runs, then its result", async () => {
    const pool = workerPool(1);
    const partials: number[] = [];
    const result = await pool.run({ scenario, seed: 1, replication: 0 }, { onPartial: (weeks, weekly) => partials.push(weeks, weekly.length) });
    await pool.close();
    expect(partials.length).toBeGreaterThan(0);
    const [weeks, length] = partials;
    expect(length).toBe((result.weekly.length / 520) * weeks!); // only the weeks done travel
    expect(partials.filter((_, i) => i % 2 === 0).every((w, i, all) => i === 0 || w > all[i - 1]!)).toBe(true);
  });

  it("stops a running replication and a queued one when their signal aborts, and keeps working", async () => {
    const pool = workerPool(1);
    const controller = new AbortController();
    let sawWeeks = false;
    const running = pool.run({ scenario, seed: 1, replication: 0 }, {
      signal: controller.signal,
      onPartial: () => {
        sawWeeks = true;
        controller.abort();
      },
    });
    const queued = pool.run({ scenario, seed: 1, replication: 1 }, { signal: controller.signal }).catch((e: unknown) => e);
    await expect(running).rejects.toMatchObject({ name: "ReplicationCancelled" });
    expect(await queued).toMatchObject({ name: "ReplicationCancelled" });
    expect(sawWeeks).toBe(true);
    const after = await pool.run({ scenario: { ...scenario, horizonWeeks: 4 }, seed: 1, replication: 2 });
    expect(after.replication).toBe(2);
    await pool.close();
  });
});

describe("a worker pool started to warm up", () => {
  it("says when its workers have run the built-in warm-up, then runs replications exactly as a cold pool does", async () => {
    const warm = workerPool(2, { warmUp: true }), cold = workerPool(1);
    let warmed = false;
    await warm.warm.then(() => (warmed = true));
    expect(warmed).toBe(true);
    const short = { ...scenario, horizonWeeks: 8 };
    const [a, b] = await Promise.all([warm.run({ scenario: short, seed: 3, replication: 1 }), cold.run({ scenario: short, seed: 3, replication: 1 })]);
    await Promise.all([warm.close(), cold.close()]);
    expect(Array.from(a.weekly)).toEqual(Array.from(b.weekly));
  });
});

describe("the worker pool with one signal for many jobs", () => {
  it("cancels them all with one listener, so Node never warns of a listener leak over the TUI", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on("warning", onWarning);
    const pool = workerPool(1), controller = new AbortController();
    const jobs = Array.from({ length: 15 }, (_, r) => pool.run({ scenario, seed: 1, replication: r }, { signal: controller.signal }).catch((e: unknown) => e));
    controller.abort();
    const outcomes = await Promise.all(jobs);
    await pool.close();
    process.off("warning", onWarning);
    expect(outcomes.every((o) => (o as Error).name === "ReplicationCancelled")).toBe(true);
    expect(warnings).toEqual([]);
  });
});
