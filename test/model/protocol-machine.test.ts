import { describe, expect, it } from "vitest";
import { nextProtocolStatus, type Protocol, type ProtocolMeasures, type ProtocolStatus } from "../../src/model/index.js";
import { smallScenario } from "../helpers/small-scenario.js";

// The open-cases trigger (defaults: ratio 1.2 × 4 weeks, lead-in 7, release 1.1 × 8, wind-down 4).
const protocol: Protocol = { ...smallScenario().protocol, trigger: "open-cases" };
const hot: ProtocolMeasures = { ratio: 1.25, unallocatedWeeks: 0, averageCaseload: 21, shareOverCap: 0.5 };
const calm: ProtocolMeasures = { ratio: 1.0, unallocatedWeeks: 0, averageCaseload: 18, shareOverCap: 0.1 };

function walk(weeks: readonly ProtocolMeasures[], start: ProtocolStatus = { state: "normal", weeksInState: 0, streak: 0 }, p = protocol): string[] {
  const states: string[] = [];
  let s = start;
  for (const m of weeks) {
    s = nextProtocolStatus(s, m, p);
    states.push(s.state);
  }
  return states;
}

describe("the protocol state machine", () => {
  it("starts the lead-in after the trigger holds for 4 consecutive weeks, and opens the hub 7 weeks later", () => {
    const states = walk(Array(12).fill(hot));
    expect(states).toEqual(["normal", "normal", "normal", "lead-in", "lead-in", "lead-in", "lead-in", "lead-in", "lead-in", "lead-in", "hub-active", "hub-active"]);
  });

  it("restarts the count when the trigger lapses for a week", () => {
    expect(walk([hot, hot, hot, calm, hot, hot, hot, hot])).toEqual(["normal", "normal", "normal", "normal", "normal", "normal", "normal", "lead-in"]);
  });

  it("needs the caseload condition as well as the ratio", () => {
    const busyButSafe = { ratio: 1.3, unallocatedWeeks: 0, averageCaseload: 19, shareOverCap: 0.2 };
    expect(walk(Array(6).fill(busyButSafe)).every((s) => s === "normal")).toBe(true);
    const manyOverCap = { ratio: 1.3, unallocatedWeeks: 0, averageCaseload: 19, shareOverCap: 0.45 };
    expect(walk(Array(4).fill(manyOverCap)).at(-1)).toBe("lead-in");
  });

  it("winds down after 8 calm weeks and returns to normal 4 weeks later", () => {
    const states = walk(Array(13).fill(calm), { state: "hub-active", weeksInState: 30, streak: 0 });
    expect(states).toEqual([...Array(7).fill("hub-active"), ...Array(4).fill("winding-down"), "normal", "normal"]);
  });

  it("skips the lead-in when it is zero weeks long", () => {
    expect(walk(Array(4).fill(hot), undefined, { ...protocol, leadInWeeks: 0 }).at(-1)).toBe("hub-active");
  });

  it("stays normal (and leaves any other state) when the protocol is off", () => {
    const off = { ...protocol, enabled: false };
    expect(walk(Array(10).fill(hot), undefined, off).every((s) => s === "normal")).toBe(true);
    expect(walk([hot], { state: "hub-active", weeksInState: 3, streak: 0 }, off)).toEqual(["normal"]);
  });

  it("by default watches unallocated work against capacity (seed 002), with caseload pressure, and releases when it has gone", () => {
    const p = smallScenario().protocol; // trigger at 3 weeks of allocation capacity, release at 0.5
    expect(p.trigger).toBe("unallocated");
    const piling: ProtocolMeasures = { ratio: 1.0, unallocatedWeeks: 3, averageCaseload: 20.5, shareOverCap: 0.5 };
    const pilingButSafe: ProtocolMeasures = { ...piling, averageCaseload: 19, shareOverCap: 0.3 };
    const justBelow: ProtocolMeasures = { ...piling, unallocatedWeeks: 2.9 };
    expect(walk(Array(4).fill(piling), undefined, p).at(-1)).toBe("lead-in");
    expect(walk(Array(6).fill(pilingButSafe), undefined, p).every((s) => s === "normal")).toBe(true);
    expect(walk(Array(6).fill(justBelow), undefined, p).every((s) => s === "normal")).toBe(true);
    // An open-case ratio far above baseline does not fire it: the ratio is only the other trigger's measure.
    expect(walk(Array(6).fill({ ...justBelow, ratio: 2 }), undefined, p).every((s) => s === "normal")).toBe(true);
    const eased: ProtocolMeasures = { ratio: 2, unallocatedWeeks: 0.5, averageCaseload: 20, shareOverCap: 0.5 };
    const hub = { state: "hub-active" as const, weeksInState: 30, streak: 0 };
    expect(walk(Array(8).fill(eased), hub, p).at(-1)).toBe("winding-down");
    expect(walk(Array(8).fill({ ...eased, unallocatedWeeks: 0.6 }), hub, p).at(-1)).toBe("hub-active");
  });
});
