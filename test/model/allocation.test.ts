import { describe, expect, it } from "vitest";
import { allocateArea } from "../../src/model/allocation.js";
import { CaseFlow } from "../../src/model/case-flow.js";
import { ALLOCATED, FURTHER, IN_HUB, PUBLIC } from "../../src/model/case-store.js";
import { createModelState, type ModelState } from "../../src/model/model-state.js";
import { computeCaps } from "../../src/model/capacity.js";
import { weeklyCheck } from "../../src/model/weekly-check.js";
import { Workforce } from "../../src/model/workforce.js";
import { scenarioOf } from "../helpers/small-scenario.js";

/** One area, no arrivals, two long-term FCAs (cap 20, hard limit 25) and one short-term. */
function setUp(protocol: object = {}): { s: ModelState; flow: CaseFlow } {
  const scenario = scenarioOf({
    name: "allocation", startDate: "2026-01-05", horizonWeeks: 52, warmupWeeks: 0,
    areas: [{ name: "A", demand: { privatePerWeek: 0, publicPerWeek: 0 }, fca: { longTermFte: 2, shortTermFte: 1 } }],
    protocol,
  });
  const s = createModelState(scenario, 0, 1, 0);
  const flow = new CaseFlow(s);
  computeCaps(s, 0);
  return { s, flow };
}

/** Gives each long-term FCA `n` public cases. */
function load(s: ModelState, flow: CaseFlow, n: number): number[] {
  const ids: number[] = [];
  for (const f of s.areas[0]!.longTerm) {
    for (let i = 0; i < n; i++) {
      const id = s.cases.create(PUBLIC, 1, 0, 0);
      s.areas[0]!.totals.referred++;
      flow.assign(id, f);
      ids.push(id);
    }
  }
  return ids;
}

/** A less-urgent further-work case ordered `orderedDaysAgo` and held in the hub `heldDaysAgo`. */
function hubCase(s: ModelState, flow: CaseFlow, orderedDaysAgo: number, heldDaysAgo: number): number {
  const id = s.cases.create(FURTHER, 4, 0, s.sim.now - orderedDaysAgo);
  s.areas[0]!.totals.referred++;
  s.cases.orderDay[id] = s.sim.now - orderedDaysAgo;
  s.cases.filingDay[id] = s.cases.orderDay[id]! + 14 * 7;
  s.cases.remainingDays[id] = 100;
  flow.enterHub(s.areas[0]!, id, heldDaysAgo);
  return id;
}

describe("daily allocation and the hub", () => {
  it("holds hub cases while every FCA is at its cap, forcing out only those at the maximum hold or the filing margin", () => {
    const { s, flow } = setUp();
    s.sim.run(400);
    load(s, flow, 20);
    const atMaxHold = hubCase(s, flow, 140, 140); // held 20 weeks
    const young = hubCase(s, flow, 10, 10);
    // Extended filing date = order + 28 weeks; margin 8 weeks: due 20 weeks after the order.
    const nearFiling = hubCase(s, flow, 140, 30);
    allocateArea(s, flow, s.areas[0]!);
    expect(s.cases.status[atMaxHold]).toBe(ALLOCATED);
    expect(s.cases.status[nearFiling]).toBe(ALLOCATED);
    expect(s.cases.status[young]).toBe(IN_HUB);
    expect(s.areas[0]!.hub).toEqual([young]);
    expect(s.areas[0]!.totals.forced).toBe(2);
    expect(s.areas[0]!.totals.extendedFilings).toBe(3);
  });

  it("forces a case out at the maximum hold even when its filing date is far off", () => {
    const { s, flow } = setUp({ filingMarginWeeks: 0, maxHoldWeeks: 10 });
    s.sim.run(400);
    load(s, flow, 20);
    const atHold = hubCase(s, flow, 70, 70), before = hubCase(s, flow, 69, 69);
    allocateArea(s, flow, s.areas[0]!);
    expect(s.cases.status[atHold]).toBe(ALLOCATED);
    expect(s.cases.status[before]).toBe(IN_HUB);
    expect(s.areas[0]!.totals.forced).toBe(1);
  });

  it("stops the run when a case goes missing (the weekly conservation check can fail)", () => {
    const { s, flow } = setUp();
    const area = s.areas[0]!;
    const id = s.cases.create(PUBLIC, 1, 0, 0);
    area.totals.referred++;
    area.ltQueue.push(id);
    const workforce = new Workforce(s, flow);
    expect(() => weeklyCheck(s, area, s.caps, workforce, () => {})).not.toThrow();
    area.ltQueue.pop(); // lose it
    expect(() => weeklyCheck(s, area, s.caps, workforce, () => {})).toThrow("case conservation failed in A on day 0: referred 1 − closed 0 ≠ allocated 0 + awaiting 0 + in hub 0");
  });

  it("releases hub cases into room under the cap, earliest filing date first, without counting them as forced", () => {
    const { s, flow } = setUp();
    s.sim.run(400);
    const held = load(s, flow, 20);
    const later = hubCase(s, flow, 10, 10), earlier = hubCase(s, flow, 30, 30);
    flow.close(held[0]!); // one place frees up
    allocateArea(s, flow, s.areas[0]!);
    expect(s.cases.status[earlier]).toBe(ALLOCATED);
    expect(s.cases.status[later]).toBe(IN_HUB);
    expect(s.areas[0]!.totals.forced).toBe(0);
    expect(s.areas[0]!.totals.hubWaits.mean).toBeCloseTo(30 / 7, 12);
  });

  it("allocates P1/P2 over the cap but makes P3/P4 wait at the hard caseload limit", () => {
    const { s, flow } = setUp();
    load(s, flow, 25);
    const area = s.areas[0]!;
    const p4 = s.cases.create(FURTHER, 4, 0, 0), p2 = s.cases.create(FURTHER, 2, 0, 0);
    area.totals.referred += 2;
    s.cases.remainingDays[p4] = 50;
    s.cases.remainingDays[p2] = 50;
    area.ltQueue.push(p4, p2);
    allocateArea(s, flow, area);
    expect(s.cases.status[p2]).toBe(ALLOCATED);
    expect(area.ltQueue).toEqual([p4]);
  });

  it("gives each case to the FCA with most room", () => {
    const { s, flow } = setUp();
    const area = s.areas[0]!;
    const [first, second] = area.longTerm;
    const id = s.cases.create(PUBLIC, 1, 0, 0);
    area.totals.referred++;
    flow.assign(id, first!);
    const next = s.cases.create(PUBLIC, 1, 0, 0);
    area.totals.referred++;
    area.ltQueue.push(next);
    allocateArea(s, flow, area);
    expect(s.cases.fca[next]).toBe(second);
  });
});
