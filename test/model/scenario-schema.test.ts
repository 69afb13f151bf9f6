import { describe, expect, it } from "vitest";
import { mergeScenario, parseScenario } from "../../src/model/index.js";
import { smallScenarioInput } from "../helpers/small-scenario.js";

const problems = (input: unknown): string[] => {
  const r = parseScenario(input);
  return r.ok ? [] : r.issues.map((i) => i.message);
};
const withChange = (change: (s: Record<string, any>) => void): unknown => {
  const s = structuredClone(smallScenarioInput()) as Record<string, any>;
  change(s);
  return s;
};

describe("scenario schema", () => {
  it("fills every default from calibration §8", () => {
    const r = parseScenario(smallScenarioInput());
    if (!r.ok) throw new Error("should parse");
    const { national, protocol } = r.scenario;
    expect(national.caseMix).toEqual({ privateFurtherWorkShare: 0.35, furtherWorkUrgentShare: 0.4, lessUrgentP3Share: 0.5, childrenPerPublicCase: 1.6, childrenPerPrivateCase: 1.53 });
    expect(national.durations.public).toEqual({ meanWeeks: 43, cv: 0.5 });
    expect(national.workforce.longTermCap).toBe(20);
    expect(national.workforce.attrition.perYear).toBe(0.15);
    expect(national.workforce.recruitment).toEqual({ enabled: true, delayWeeks: 32, delayCv: 0.5, maxHiresPerYear: 0.3 });
    expect(national.workforce.allocation).toEqual({ policy: "team", teamSize: 10, balance: 2, capacitySpread: 0.1, crossTeamAfterWeeks: 4, urgentLimitShare: 1.25, lessUrgentLimitShare: 1.25, dutyMaxWeeks: 8 });
    expect(national.workforce.caseload.measure).toBe("count");
    expect(protocol.trigger).toBe("unallocated");
    expect(protocol.triggerUnallocatedWeeks).toBe(3);
    expect(protocol.releaseUnallocatedWeeks).toBe(0.5);
    expect(protocol.triggerRatio).toBe(1.2);
    expect(protocol.maxHoldWeeks).toBe(20);
    expect(protocol.filingMarginWeeks).toBe(8);
    expect(r.scenario.run).toEqual({ replications: 20, seed: 1 });
  });

  it("defaults each field of a duration on its own, so one can be given without the other", () => {
    const r = parseScenario(withChange((s) => (s.national = { ...s.national, durations: { public: { meanWeeks: 50 }, furtherWork: { cv: 0.8 } } })));
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
    expect([r.scenario.national.durations.public, r.scenario.national.durations.furtherWork]).toEqual([{ meanWeeks: 50, cv: 0.5 }, { meanWeeks: 34, cv: 0.8 }]);
  });

  it("names an unknown or misspelt key with its path", () => {
    expect(problems(withChange((s) => (s.areas[0].demand.privatPerWeek = 3)))).toEqual(['areas[0].demand has an unknown key "privatPerWeek"']);
    expect(problems(withChange((s) => (s.protocol = { triggerRatoi: 1.3 })))).toEqual(['protocol has an unknown key "triggerRatoi"']);
  });

  it("rejects negative rates, NaN and non-numbers, one message per problem", () => {
    const found = problems(withChange((s) => {
      s.areas[0].demand.publicPerWeek = -2;
      s.areas[1].fca.longTermFte = Number.NaN;
      s.national = { caseMix: { privateFurtherWorkShare: "lots" } };
    }));
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^areas\[0\]\.demand\.publicPerWeek must be at least 0$/);
    expect(found[1]).toMatch(/^areas\[1\]\.fca\.longTermFte must be a number, not NaN$/);
    expect(found[2]).toMatch(/^national\.caseMix\.privateFurtherWorkShare must be a number, not string$/);
  });

  it("rejects an area with demand but no FCAs", () => {
    expect(problems(withChange((s) => (s.areas[1].fca = { longTermFte: 0, shortTermFte: 0 })))).toContain('areas[1].fca: area "South" has demand but no FCAs');
  });

  it("rejects an absurd horizon and an impossible date", () => {
    expect(problems(withChange((s) => (s.horizonWeeks = 10_000 * 52)))).toEqual(["horizonWeeks must be at most 1,040 (20 years)"]);
    expect(problems(withChange((s) => (s.startDate = "2026-02-30")))).toEqual(["startDate: not a real calendar date"]);
  });

  it("rejects duplicate area names and shocks on unknown areas", () => {
    const found = problems(withChange((s) => {
      s.areas[1].name = "North";
      s.national = { demand: { shocks: [{ from: "2026-03-02", multiplier: 1.2, areas: ["West"] }] } };
    }));
    expect(found).toEqual(['areas[1].name: duplicate area name "North"', 'national.demand.shocks[0].areas[0]: unknown area "West"']);
  });

  it("overlays an extending scenario on its base: objects merge, arrays and values replace", () => {
    const base = { name: "base", horizonWeeks: 10, protocol: { triggerRatio: 1.2, maxHoldWeeks: 20 }, areas: [{ name: "A" }] };
    const overlay = { extends: "base.json", name: "child", protocol: { maxHoldWeeks: 12 }, areas: [{ name: "B" }] };
    expect(mergeScenario(base, overlay)).toEqual({ name: "child", horizonWeeks: 10, protocol: { triggerRatio: 1.2, maxHoldWeeks: 12 }, areas: [{ name: "B" }] });
  });

  it("takes per-area protocol overrides and dated staffing changes, and checks them against the national rules", () => {
    const r = parseScenario(withChange((s) => {
      s.areas[0].protocol = { triggerUnallocatedWeeks: 3 };
      s.areas[0].staffing = [{ from: "2026-04-01", fte: 5 }];
    }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.scenario.areas[0]!.protocol).toEqual({ triggerUnallocatedWeeks: 3 });
    expect(r.scenario.areas[0]!.staffing).toEqual([{ from: "2026-04-01", fte: 5, team: "long-term", how: "recruit" }]);
    expect(problems(withChange((s) => (s.areas[0].protocol = { releaseUnallocatedWeeks: 6 })))).toEqual(["areas[0].protocol.releaseUnallocatedWeeks: releaseUnallocatedWeeks must not exceed triggerUnallocatedWeeks"]);
    expect(problems(withChange((s) => (s.areas[0].protocol = { triggerRatoi: 2 })))).toEqual(['areas[0].protocol has an unknown key "triggerRatoi"']);
    expect(problems(withChange((s) => (s.areas[0].staffing = [{ from: "2026-04-31", fte: 1e6 }])))).toEqual(["areas[0].staffing[0].from: not a real calendar date", "areas[0].staffing[0].fte must be at most 5,000"]);
  });

  it("refuses today's cases that contradict themselves: public law not P1, hub weeks without a hub, longer in a hub than open", () => {
    const row = { area: "North", kind: "further", tier: 4, weeksOpen: 10, status: "hub", weeksInHub: 4 };
    expect(problems(withChange((s) => (s.initialCases = [row])))).toEqual([]);
    expect(problems(withChange((s) => (s.initialCases = [{ ...row, kind: "public", tier: 4, status: "allocated", weeksInHub: 0 }])))).toEqual(["initialCases[0].tier: public law is always tier 1 (P1), not 4"]);
    expect(problems(withChange((s) => (s.initialCases = [{ ...row, status: "awaiting" }])))).toEqual(["initialCases[0].weeksInHub: only a case in a hub has weeks in it (status is awaiting)"]);
    expect(problems(withChange((s) => (s.initialCases = [{ ...row, weeksInHub: 12 }])))).toEqual(["initialCases[0].weeksInHub: a case cannot have been in a hub (12 weeks) longer than it has been open (10)"]);
  });
});
