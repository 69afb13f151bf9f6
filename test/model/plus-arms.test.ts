import { describe, expect, it } from "vitest";
import { cohortPerWeek, ordinaryPublicShare, parseScenario, plusLiveFrom, withoutRollout, withRolloutAreas } from "../../src/model/index.js";
import { plusScenario } from "../helpers/plus-scenario.js";
import { smallScenario, smallScenarioInput } from "../helpers/small-scenario.js";

describe("Cafcass Plus arms, go-live days and cohort sizing", () => {
  it("builds the do-nothing arm (sites only) and a roll-out arm without touching the scenario, both modelling the cohort", () => {
    const sc = plusScenario();
    const none = withoutRollout(sc), some = withRolloutAreas(sc, ["South"]);
    expect(none.cafcassPlus.rollout.areas).toEqual([]);
    expect(none.cafcassPlus.sites).toEqual(sc.cafcassPlus.sites);
    expect(none.cafcassPlus.enabled).toBe(true);
    expect(some.cafcassPlus.rollout.areas).toEqual(["South"]);
    expect(sc.cafcassPlus.rollout.areas).toEqual(["South"]);
    expect(sc.cafcassPlus.enabled).toBeUndefined();
  });

  it("puts each area live from its start date plus the set-up weeks, roll-out areas from the roll-out start (default: the scenario start)", () => {
    const sc = plusScenario((p) => {
      p.sites = [{ area: "North", start: "2026-01-19" }];
      p.setupWeeks = 2;
    });
    expect([...plusLiveFrom(sc, 364)]).toEqual([364 + 14 + 14, 364 + 14]);
    expect([...plusLiveFrom(withoutRollout(sc), 0)]).toEqual([28, Infinity]);
  });

  it("sizes the cohort from public law demand, grossed up for baseline diversion, and carves its proceedings out of ordinary demand", () => {
    const sc = plusScenario();
    expect(cohortPerWeek(sc, 0)).toBeCloseTo((8 * 0.117 * 0.6) / 0.75, 12);
    expect(ordinaryPublicShare(sc, 0)).toBeCloseTo(1 - 0.117 * 0.6, 12);
    expect(ordinaryPublicShare(smallScenario(), 0)).toBe(1);
    const pilotLike = plusScenario((p) => (p.local = { South: { cohortPerWeek: 0.5, baselineDiversion: 0.3 } }));
    expect(cohortPerWeek(pilotLike, 1)).toBe(0.5);
    expect(ordinaryPublicShare(pilotLike, 1)).toBeCloseTo(1 - (0.5 * 0.7) / 4, 12);
  });

  it("rejects an unknown area in local overrides and a birth before the latest referral", () => {
    const bad = (plus: object) => parseScenario({ ...smallScenarioInput(), cafcassPlus: plus });
    const local = bad({ local: { Nowhere: { cohortPerWeek: 1 } } });
    expect(local.ok).toBe(false);
    if (!local.ok) expect(local.issues.map((i) => i.message).join()).toContain(`unknown area "Nowhere"`);
    const early = bad({ birthGestationWeeks: 25 });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.issues.map((i) => i.message).join()).toContain("latest referral");
  });
});
