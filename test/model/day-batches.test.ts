import { describe, expect, it } from "vitest";
import { Simulation } from "../../src/kernel/index.js";
import { DayBatches } from "../../src/model/day-batches.js";

/** Schedules a script of (key, time) case ends and plain events, batched or one event each, and returns the firing order. */
function fired(script: readonly (readonly [string, number, number])[], batched: boolean): string[] {
  const sim = new Simulation(), log: string[] = [];
  const end = (id: number): void => void log.push(`case ${id}@${sim.now}`);
  const batches = new DayBatches(2, sim, end);
  script.forEach(([what, key, time], id) => {
    if (what === "other") sim.scheduleAt(time, () => void log.push(`other ${id}@${sim.now}`));
    else if (batched) batches.add(key, time, id);
    else sim.scheduleAt(time, end, id);
  });
  sim.run();
  return log;
}

describe("DayBatches", () => {
  it("fires cases in the order one event each would, whatever is scheduled between them", () => {
    const script = [["case", 0, 5], ["case", 0, 5], ["case", 1, 5], ["other", 0, 5], ["case", 0, 5], ["case", 0, 3], ["case", 1, 5], ["case", 1, 5], ["other", 0, 3]] as const;
    expect(fired(script, true)).toEqual(fired(script, false));
  });
});
