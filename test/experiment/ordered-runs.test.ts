import { describe, expect, it } from "vitest";
import { OrderedRuns } from "../../src/experiment/ordered-runs.js";

/** Tasks that finish when the test says, recording which have started. */
function manualTasks() {
  const started: number[] = [], finish = new Map<number, { ok: (v: string) => void; fail: (e: Error) => void }>(), signals: AbortSignal[] = [];
  const start = (i: number, signal: AbortSignal): Promise<string> => {
    started.push(i);
    signals.push(signal);
    return new Promise((ok, fail) => finish.set(i, { ok, fail }));
  };
  return { started, finish, signals, start };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe("OrderedRuns (one scheduler for a window of replications)", () => {
  it("starts at most the window, the next as one finishes, and hands results back in index order", async () => {
    const t = manualTasks();
    const runs = new OrderedRuns(10, 4, { size: 2, counts: "running" }, t.start);
    expect(runs.take()).toBeUndefined();
    expect(t.started).toEqual([10, 11]);
    t.finish.get(11)!.ok("b");
    await tick();
    expect(t.started).toEqual([10, 11, 12]);
    expect(runs.take()).toBeUndefined(); // 10 has not landed, so 11 waits behind it
    t.finish.get(10)!.ok("a");
    await tick();
    expect([runs.take(), runs.take(), runs.take()]).toEqual(["a", "b", undefined]);
    expect(t.started).toEqual([10, 11, 12, 13]);
  });

  it("counting untaken results, holds back new starts for a slow reader", async () => {
    const t = manualTasks();
    const runs = new OrderedRuns(0, 5, { size: 2, counts: "untaken" }, t.start);
    runs.take();
    t.finish.get(0)!.ok("a");
    t.finish.get(1)!.ok("b");
    await tick();
    expect(t.started).toEqual([0, 1]);
    expect(runs.take()).toBe("a");
    expect(t.started).toEqual([0, 1, 2]);
  });

  it("surfaces a failure where its result is taken and starts nothing after it", async () => {
    const t = manualTasks();
    const runs = new OrderedRuns(0, 5, { size: 1, counts: "running" }, t.start);
    const first = runs.next();
    t.finish.get(0)!.fail(new Error("boom"));
    await expect(first).rejects.toThrow("boom");
    await tick();
    expect(t.started).toEqual([0]);
  });

  it("aborts the tasks in flight when the caller's signal is aborted, and wakes a waiting reader", async () => {
    const t = manualTasks(), caller = new AbortController();
    const runs = new OrderedRuns(0, 3, { size: 2, counts: "running" }, t.start, caller.signal);
    const woken = runs.changed();
    caller.abort();
    await woken;
    expect([runs.aborted, t.signals.map((s) => s.aborted)]).toEqual([true, [true, true]]);
    await expect(new OrderedRuns(0, 1, { size: 1, counts: "running" }, t.start, caller.signal).next()).rejects.toThrow("replication cancelled");
  });
});
