import { describe, expect, it } from "vitest";
import { forecast, inProcessExecutor, parseTarget, scenarioAt, seek, wilsonInterval, type SeekResult, type SeekSpec } from "../../src/experiment/index.js";
import { ReplicationCancelled, resultShape, weeklyIndex, weeklyOffset, type ReplicationResult, type Scenario } from "../../src/model/index.js";
import { syntheticExecutor } from "../helpers/synthetic-executor.js";
import { smallScenarioInput } from "../helpers/small-scenario.js";
import type { ReplicationExecutor } from "../../src/experiment/index.js";

const LEVER = "warmupWeeks";
const base = { ...smallScenarioInput(), horizonWeeks: 10 };
const frame = (() => {
  const s = scenarioAt(base, { index: 0, values: {} });
  return { shape: resultShape(s), startDate: s.startDate };
})();
const lever = (s: Scenario): number => s.warmupWeeks ?? 0;

function spec(target: string, change: Partial<SeekSpec> = {}): SeekSpec {
  return { path: LEVER, lo: 0, hi: 100, integer: true, target: parseTarget(target, frame), confidence: 0.9, direction: "minimise", ...change };
}

async function answer(s: SeekSpec, executor: ReplicationExecutor, replications = 10, inputs: unknown = base): Promise<SeekResult> {
  let result: SeekResult | undefined;
  for await (const e of seek(inputs, s, { replications, seed: 1 }, executor)) if (e.kind === "done") result = e.result;
  return result!;
}

describe("seek on a synthetic lever with a known threshold", () => {
  // The lever is warmupWeeks only because the schema lets it run 0–100; the made-up replications ignore the model.
  // Replication i's backlog is 73 − lever + (i − 4.5): at least 9 of 10 are ≤ 10 exactly when lever ≥ 66.5.
  const falling = syntheticExecutor((s, i) => 73 - lever(s) + (i - 4.5));

  it("finds the smallest whole value meeting the target in 90% of replications, within 10 evaluations of a 0–100 range", async () => {
    const r = await answer(spec("hub_backlog <= 10"), falling);
    expect(r.status).toBe("found");
    expect(r.answer).toBe(67);
    expect([r.atAnswer!.successes, r.nextFailing!.value, r.nextFailing!.successes]).toEqual([9, 66, 8]);
    expect(r.visited.map((p) => p.value)).toEqual([0, 50, 62, 65, 66, 67, 68, 75, 100]);
    expect(r.evaluations).toBe(9);
    expect(falling.runs()).toBe(90); // each value's 10 replications, none run twice
    expect(r.reversals).toEqual([]);
  });

  it("stays within 10 evaluations whatever the threshold (every whole threshold in 0–100)", async () => {
    for (let t = 1; t <= 100; t++) {
      const r = await answer(spec("hub_backlog <= 0"), syntheticExecutor((s) => (lever(s) >= t ? 0 : 1)), 3);
      expect([r.answer, r.evaluations <= 10]).toEqual([t, true]);
    }
  });

  it("finds the largest value when the target gets easier as the lever falls, and a continuous answer to the tolerance", async () => {
    const rising = syntheticExecutor((s, i) => lever(s) - 30 + (i - 4.5));
    const largest = await answer(spec("hub_backlog <= 10", { direction: "maximise" }), rising);
    expect([largest.answer, largest.nextFailing!.value]).toEqual([36, 37]); // lever − 34.5 + i ≤ 10 for i ≤ 8 ⇔ lever ≤ 36.5
    const ratio = syntheticExecutor((s) => (s.protocol.triggerRatio >= 2.37 ? 0 : 1));
    const continuous = await answer(spec("hub_backlog <= 0", { path: "protocol.triggerRatio", lo: 1.5, hi: 5, integer: false, tolerance: 0.01 }), ratio, 3);
    expect(continuous.answer!).toBeGreaterThanOrEqual(2.37);
    expect(continuous.nextFailing!.value).toBeLessThan(2.37);
    expect(continuous.answer! - continuous.nextFailing!.value).toBeLessThanOrEqual(0.01);
    expect(continuous.evaluations).toBe(2 + Math.ceil(Math.log2(3.5 / 0.01)));
  });

  it("says when the near end already meets the target, or the far end does not", async () => {
    const always = await answer(spec("hub_backlog <= 100"), falling);
    expect([always.status, always.answer, always.evaluations]).toEqual(["always", 0, 2]);
    const never = await answer(spec("hub_backlog <= -40"), falling);
    expect([never.status, never.answer, never.evaluations]).toEqual(["never", null, 1]);
  });

  it("reports shares that run against the lever instead of hiding them, and whether they are beyond noise", async () => {
    // 40 replications: all meet for 40 ≤ lever < 90, only the first `high` of them at 90 and above, none below 40.
    const bumpy = (high: number): ReplicationExecutor => syntheticExecutor((s, i) => (lever(s) < 40 ? 1 : lever(s) < 90 ? 0 : i < high ? 0 : 1));
    const noisy = await answer(spec("hub_backlog <= 0"), bumpy(37), 40);
    expect(noisy.answer).toBe(40);
    expect(noisy.reversals.map((v) => [v.a.value, v.b.value, v.beyondNoise])).toEqual([[40, 100, false], [43, 100, false], [50, 100, false]]);
    const clear = await answer(spec("hub_backlog <= 0", { confidence: 0.5 }), bumpy(20), 40);
    expect(clear.reversals.length).toBeGreaterThan(0);
    expect(clear.reversals.every((v) => v.b.value === 100 && v.beyondNoise)).toBe(true);
  });

  it("stops when its signal aborts", async () => {
    const controller = new AbortController();
    const run = async (): Promise<void> => {
      for await (const e of seek(base, spec("hub_backlog <= 100000"), { replications: 5, seed: 1 }, inProcessExecutor(), controller.signal)) {
        if (e.kind === "point") controller.abort();
      }
    };
    await expect(run()).rejects.toBeInstanceOf(ReplicationCancelled);
  });
});

describe("seek on the simulation", () => {
  // North's work waiting for allocation over the second half of a year, against its long-term FTE.
  const year = { ...smallScenarioInput(), horizonWeeks: 52 };
  const target = "awaiting_allocation@North@2026-07..2026-12 <= 30";
  const yearFrame = (() => {
    const s = scenarioAt(year, { index: 0, values: {} });
    return { shape: resultShape(s), startDate: s.startDate };
  })();
  const fteSpec: SeekSpec = { path: "areas[0].fca.longTermFte", lo: 30, hi: 46, integer: true, target: parseTarget(target, yearFrame), confidence: 0.9, direction: "minimise" };

  it("finds an FTE whose follow-up runs meet the target and whose next value down does not, on the same and on fresh replications", async () => {
    const r = await answer(fteSpec, inProcessExecutor(), 20, year);
    expect(r.status).toBe("found");
    const share = async (fte: number, seed: number, replications: number): Promise<ReturnType<typeof wilsonInterval>> => {
      const scenario = scenarioAt(year, { index: 0, values: { [fteSpec.path]: fte } });
      const t = fteSpec.target, [from, to] = t.measure.weeks!, shape = resultShape(scenario);
      let met = 0;
      const observe = (r: ReplicationResult): void => {
        const weeks = Array.from({ length: to - from + 1 }, (_, k) => r.weekly[weeklyOffset(shape, from + k, 0, weeklyIndex("awaiting_allocation"))]!);
        if (Math.max(...weeks) <= 30) met++;
      };
      for await (const _ of forecast(scenario, { replications, seed }, inProcessExecutor(), undefined, observe));
      return wilsonInterval(met, replications);
    };
    // The same replications as the search: exactly its shares.
    expect((await share(r.answer!, 1, 20)).p).toBe(r.atAnswer!.p);
    expect((await share(r.answer! - 1, 1, 20)).p).toBe(r.nextFailing!.p);
    expect(r.atAnswer!.p).toBeGreaterThanOrEqual(0.9);
    expect(r.nextFailing!.p).toBeLessThan(0.9);
    // Fresh replications: the answer's interval reaches 90% and the value below's starts under it.
    const [at, below] = [await share(r.answer!, 7, 40), await share(r.answer! - 1, 7, 40)];
    expect(at.upper).toBeGreaterThanOrEqual(0.9);
    expect(below.lower).toBeLessThan(0.9);
  }, 60_000);
});
