import { describe, expect, it } from "vitest";
import { allocateArea } from "../../src/model/allocation.js";
import { CaseFlow } from "../../src/model/case-flow.js";
import { ALLOCATED, FURTHER } from "../../src/model/case-store.js";
import { computeCaps } from "../../src/model/capacity.js";
import { createModelState } from "../../src/model/model-state.js";
import { onlyAreas, plusOffset, PLUS_METRICS, resultShape, runReplication, WEEKLY_METRICS, weeklyOffset, type Scenario } from "../../src/model/index.js";
import { Workforce } from "../../src/model/workforce.js";
import { preCmh } from "../helpers/pre-cmh.js";
import { scenarioOf, smallScenario } from "../helpers/small-scenario.js";

/** One area's weekly rows of a replication, as a plain array. */
function areaRows(s: Scenario, row: number, replication: number): number[] {
  const shape = resultShape(s), w = runReplication(s, 5, replication).weekly, out: number[] = [];
  for (let week = 0; week < shape.weeks; week++) for (let m = 0; m < WEEKLY_METRICS.length; m++) out.push(w[weeklyOffset(shape, week, row, m)]!);
  return out;
}

describe("areas and streams kept apart (common random numbers)", () => {
  it("a change in one area leaves every other area's weeks exactly as they were", () => {
    const base = smallScenario((s) => (s.areas[0]!.fca.longTermFte = 33));
    const changed = smallScenario((s) => {
      s.areas[0]!.fca.longTermFte = 33;
      s.areas[0]!.staffing = [{ from: "2025-06-02", fte: 8, how: "transfer" }];
      s.areas[0]!.protocol = { triggerUnallocatedWeeks: 1 };
    });
    for (const r of [0, 1, 2]) {
      expect(areaRows(changed, 1, r)).toEqual(areaRows(base, 1, r));
      expect(areaRows(changed, 0, r)).not.toEqual(areaRows(base, 0, r));
    }
  });

  it("runs an area exactly as beside the others when they are cut away: with Plus sites, an intervention and area shocks (the appraisal's sensitivity re-runs roll-out areas alone on this)", () => {
    const full = smallScenario((s) => {
      s.horizonWeeks = 52;
      s.areas.push({ name: "West", demand: { privatePerWeek: 12, publicPerWeek: 5 }, fca: { longTermFte: 14, shortTermFte: 2 } });
      s.cafcassPlus = { sites: [{ area: "North", start: "2026-01-05" }], rollout: { areas: ["West"], start: "2026-03-02" } };
      s.interventions = [preCmh(["South", "North"], (v) => (v.effects = { durationWeeks: { dist: "uniform", min: 0, max: 4 } }))];
      s.national = { demand: { shocks: [{ from: "2026-02-02", multiplier: 1.4, areas: ["North", "West"] }] } };
    });
    const cut = onlyAreas(full, ["South", "West"]), fullShape = resultShape(full), cutShape = resultShape(cut);
    expect(cut.areas.map((a) => a.name)).toEqual(["South", "West"]);
    expect(cut.cafcassPlus.sites).toEqual([]);
    expect(cut.interventions[0]!.where.rollout.areas).toEqual(["South"]);
    for (const r of [0, 1]) {
      const a = runReplication(full, 7, r), b = runReplication(cut, 7, r);
      for (const [from, to] of [[1, 0], [2, 1]] as const) {
        for (let week = 0; week < 52; week++) {
          for (let m = 0; m < WEEKLY_METRICS.length; m++) expect(b.weekly[weeklyOffset(cutShape, week, to, m)], `${WEEKLY_METRICS[m]} week ${week}`).toBe(a.weekly[weeklyOffset(fullShape, week, from, m)]);
          for (let m = 0; m < PLUS_METRICS.length; m++) expect(b.plus[plusOffset(cutShape, week, to, m)]).toBe(a.plus[plusOffset(fullShape, week, from, m)]);
        }
      }
    }
  });

  it("ignores a court slowdown that was over before the first simulated day, and runs", () => {
    const none = smallScenario();
    const past = smallScenario((s) => (s.national = { durations: { slowdowns: [{ from: "2020-01-06", to: "2024-06-03", multiplier: 1.5 }] } }));
    expect(runReplication(past, 1, 0).weekly).toEqual(runReplication(none, 1, 0).weekly);
  });

  it("sends the cases of a team whose posts were all cut to other teams at once, not after the cross-team wait", () => {
    const scenario = scenarioOf({
      name: "cut", startDate: "2026-01-05", horizonWeeks: 4, warmupWeeks: 0,
      areas: [{ name: "A", demand: { privatePerWeek: 0, publicPerWeek: 0 }, fca: { longTermFte: 4, shortTermFte: 1 } }],
      national: { workforce: { allocation: { teamSize: 2, capacitySpread: 0, crossTeamAfterWeeks: 8 } } },
    });
    const s = createModelState(scenario, 0, 1, 0), flow = new CaseFlow(s), workforce = new Workforce(s, flow), area = s.areas[0]!;
    computeCaps(s, 0);
    const id = s.cases.create(FURTHER, 4, 0, 0);
    area.totals.referred++;
    s.cases.remainingDays[id] = 50;
    s.cases.team[id] = 1;
    area.ltQueue.push(id);
    for (const f of area.teams[1]!) workforce.close(f);
    allocateArea(s, flow, area);
    expect(s.cases.status[id]).toBe(ALLOCATED);
    expect(area.teams[0]).toContain(s.cases.fca[id]);
  });

  it("starts an area in its given protocol state when its own rules switch the protocol on, though the national rules have it off", () => {
    const s = smallScenario((d) => {
      d.warmupWeeks = 0;
      d.protocol = { enabled: false };
      d.areas[0]!.protocol = { enabled: true };
      d.areas[0]!.initial = { openPublic: 300, inHub: 20, hubMaxWeeksHeld: 4, protocolState: "hub-active" };
    });
    const shape = resultShape(s), w = runReplication(s, 1, 0).weekly;
    expect(w[weeklyOffset(shape, 0, 0, WEEKLY_METRICS.indexOf("protocol_active"))]).toBe(1);
    expect(w[weeklyOffset(shape, 0, 1, WEEKLY_METRICS.indexOf("protocol_active"))]).toBe(0);
  });
});
