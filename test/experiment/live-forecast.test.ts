import { describe, expect, it } from "vitest";
import { inProcessExecutor, liveForecast, runForecast, type LiveSnapshot } from "../../src/experiment/index.js";
import { smallScenario } from "../helpers/small-scenario.js";

const scenario = smallScenario((s) => {
  s.horizonWeeks = 52;
});

async function collect(signal?: AbortSignal, stopAfter = Infinity): Promise<LiveSnapshot[]> {
  const seen: LiveSnapshot[] = [];
  for await (const s of liveForecast(scenario, { replications: 3, seed: 5 }, inProcessExecutor(), signal)) {
    seen.push(s);
    if (seen.length >= stopAfter) break;
  }
  return seen;
}

describe("liveForecast", () => {
  it("shows the first replication's weeks before any replication is done, then replications as they land", async () => {
    const seen = await collect();
    expect([seen[0]!.done, seen[0]!.forecast.plan.replications]).toEqual([0, 0]);
    expect(seen.at(-1)!.done).toBe(3);
    // A reader that falls behind skips states rather than queueing them: counts only go up.
    expect(seen.every((s, i) => i === 0 || s.done > seen[i - 1]!.done)).toBe(true);
  });

  it("ends with exactly the forecast a plain run gives", async () => {
    const last = (await collect()).at(-1)!.forecast;
    const plain = await runForecast(scenario, { replications: 3, seed: 5 }, inProcessExecutor());
    expect(last.bands).toEqual(plain.bands);
    expect(last.scalars).toEqual(plain.scalars);
  });

  it("draws a partial replication as a band of one line, later weeks unknown", async () => {
    const first = (await collect(undefined, 1))[0]!.forecast;
    expect(first.plan.replications).toBe(0);
    const q = 5, cell = first.bands.length / q;
    expect(Number.isNaN(first.bands[(cell - 1) * q]!)).toBe(false); // 52 of 52 weeks in-process: the partial is complete
    expect(first.bands[0]).toBe(first.bands[4]);
  });

  it("stops when its signal is aborted", async () => {
    const controller = new AbortController();
    const seen: LiveSnapshot[] = [];
    for await (const s of liveForecast(scenario, { replications: 50, seed: 5 }, inProcessExecutor(), controller.signal)) {
      seen.push(s);
      if (s.done === 2) controller.abort();
    }
    expect(seen.at(-1)!.done).toBe(2);
  });
});
