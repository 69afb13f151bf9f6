import { describe, expect, it } from "vitest";
import { allocateArea } from "../../src/model/allocation.js";
import { CaseFlow } from "../../src/model/case-flow.js";
import { ALLOCATED, AWAITING, FURTHER, IN_HUB, PUBLIC } from "../../src/model/case-store.js";
import { createModelState, type ModelState } from "../../src/model/model-state.js";
import { computeCaps } from "../../src/model/capacity.js";
import { LONG_SICK } from "../../src/model/fca-store.js";
import { weeklyCheck } from "../../src/model/weekly-check.js";
import { Workforce } from "../../src/model/workforce.js";
import { scenarioOf } from "../helpers/small-scenario.js";

/** One area, no arrivals, `fte` long-term FCAs (cap 20, every holder's capacity 1) and one short-term. */
function setUp(protocol: object = {}, allocation: object = {}, fte = 2): { s: ModelState; flow: CaseFlow } {
  const scenario = scenarioOf({
    name: "allocation", startDate: "2026-01-05", horizonWeeks: 52, warmupWeeks: 0,
    areas: [{ name: "A", demand: { privatePerWeek: 0, publicPerWeek: 0 }, fca: { longTermFte: fte, shortTermFte: 1 } }],
    national: { workforce: { allocation: { capacitySpread: 0, ...allocation } } },
    protocol,
  });
  const s = createModelState(scenario, 0, 1, 0);
  const flow = new CaseFlow(s);
  computeCaps(s, 0);
  return { s, flow };
}

/** Gives each long-term FCA (or those listed) `n` public cases. */
function load(s: ModelState, flow: CaseFlow, n: number, posts: readonly number[] = s.areas[0]!.longTerm): number[] {
  const ids: number[] = [];
  for (const f of posts) {
    for (let i = 0; i < n; i++) {
      const id = s.cases.create(PUBLIC, 1, 0, 0);
      s.areas[0]!.totals.referred++;
      flow.assign(id, f);
      ids.push(id);
    }
  }
  return ids;
}

/** A further-work case of `tier` waiting in the unallocated queue since now, belonging to `team`. */
function queued(s: ModelState, tier: number, team = 0): number {
  const area = s.areas[0]!, id = s.cases.create(FURTHER, tier, 0, s.sim.now);
  area.totals.referred++;
  s.cases.remainingDays[id] = 50;
  s.cases.team[id] = team;
  area.ltQueue.push(id);
  return id;
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
    expect(() => weeklyCheck(s, area, workforce, () => {})).not.toThrow();
    area.ltQueue.pop(); // lose it
    expect(() => weeklyCheck(s, area, workforce, () => {})).toThrow("case conservation failed in A on day 0: referred 1 − closed 0 ≠ allocated 0 + awaiting 0 + in hub 0");
  });

  it("stops the run when a queued case is not waiting (the unallocated queue is checked case by case)", () => {
    const { s, flow } = setUp();
    const area = s.areas[0]!, workforce = new Workforce(s, flow);
    const id = queued(s, 3);
    s.cases.status[id] = IN_HUB;
    expect(() => weeklyCheck(s, area, workforce, () => {})).toThrow(`case ${id} is in the unallocated queue with status 3`);
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
    expect(s.areas[0]!.totals.hubWaits.tally.mean).toBeCloseTo(30 / 7, 12);
  });

  it("allocates P1/P2 over the cap up to the urgent limit and P3/P4 up to theirs; the rest wait unallocated", () => {
    const { s, flow } = setUp({}, { urgentLimitShare: 1.25, lessUrgentLimitShare: 1 });
    load(s, flow, 20);
    const area = s.areas[0]!, p4 = queued(s, 4), p2 = queued(s, 2);
    allocateArea(s, flow, area);
    expect(s.cases.status[p2]).toBe(ALLOCATED);
    expect(area.ltQueue).toEqual([p4]);
    load(s, flow, 5); // everyone at 25 or more: even public law waits (§3.6, 2008–09)
    const p1 = s.cases.create(PUBLIC, 1, 0, 0);
    area.totals.referred++;
    area.ltQueue.push(p1);
    allocateArea(s, flow, area);
    expect(area.ltQueue).toEqual([p1, p4]);
  });

  it("gives each case to the FCA with most room under the roomiest policy", () => {
    const { s, flow } = setUp({}, { policy: "roomiest" });
    const area = s.areas[0]!;
    const [first, second] = area.longTerm;
    load(s, flow, 1, [first!]);
    const next = s.cases.create(PUBLIC, 1, 0, 0);
    area.totals.referred++;
    area.ltQueue.push(next);
    allocateArea(s, flow, area);
    expect(s.cases.fca[next]).toBe(second);
  });

  it("keeps a P3/P4 case for its own full team until it has waited the cross-team weeks; P1/P2 cross at once", () => {
    const { s, flow } = setUp({}, { teamSize: 2, crossTeamAfterWeeks: 2 }, 4);
    const area = s.areas[0]!;
    expect(area.teams).toEqual([area.longTerm.slice(0, 2), area.longTerm.slice(2)]);
    load(s, flow, 25, area.teams[0]!);
    const p3 = queued(s, 3, 0), p2 = queued(s, 2, 0);
    allocateArea(s, flow, area);
    expect(s.cases.status[p2]).toBe(ALLOCATED);
    expect(area.teams[1]).toContain(s.cases.fca[p2]);
    expect(s.cases.status[p3]).toBe(AWAITING);
    s.sim.run(14);
    allocateArea(s, flow, area);
    expect(s.cases.status[p3]).toBe(ALLOCATED);
    expect(area.teams[1]).toContain(s.cases.fca[p3]);
    expect(area.totals.allocationWaits.tally.mean).toBeCloseTo((0 + 14 / 7) / 2, 12);
  });

  it("picks within the team by room: never an FCA at the limit, and with a steep balance the roomiest", () => {
    const { s, flow } = setUp({}, { teamSize: 3, balance: 20 }, 3);
    const area = s.areas[0]!, [a, b, c] = area.longTerm;
    load(s, flow, 25, [a!]);
    load(s, flow, 5, [b!]);
    load(s, flow, 15, [c!]); // room to the limit 25: 20 against 10, so weight 2^20 to 1
    const ids = [queued(s, 1), queued(s, 1)];
    allocateArea(s, flow, area);
    expect(ids.map((id) => s.cases.fca[id])).toEqual([b, b]);
  });

  it("hands a long-sick FCA's cases back to the unallocated queue, waiting from now for the same team", () => {
    const { s, flow } = setUp({}, { teamSize: 1 });
    const area = s.areas[0]!, [, second] = area.longTerm, workforce = new Workforce(s, flow);
    const ids = load(s, flow, 3, [second!]);
    s.sim.run(21);
    workforce.startAbsence(second!, LONG_SICK, 60);
    expect(area.ltQueue).toEqual(ids);
    expect(ids.map((id) => [s.cases.status[id], s.cases.waitStart[id], s.cases.team[id]])).toEqual(ids.map(() => [AWAITING, 21, 1]));
    expect(s.fcas[second!]!.load).toBe(0);
  });
});
