import { describe, expect, it } from "vitest";
import {
  appraisalArms, appraise, appraiseFlows, candidateAreas, inProcessExecutor, inputValue, parseAreaList, rankAreas, rankRows, runArm, withInput,
  sensitivity, SENSITIVITY_INPUTS, sensitivityInputs, settingOf, valueSpread, weeklyDiscountFactors, wilsonInterval,
  type AppraisalEvent, type AppraisalRun, type ArmFlows,
} from "../../src/experiment/index.js";
import { plusIndex, plusOffset, resultShape, runReplication } from "../../src/model/index.js";
import { preCmh } from "../helpers/pre-cmh.js";
import { smallScenario } from "../helpers/small-scenario.js";
import { syntheticExecutor } from "../helpers/synthetic-plus.js";

const scenario = smallScenario((s) => {
  s.horizonWeeks = 20;
  s.areas.push({ name: "A2 East, West", demand: { privatePerWeek: 10, publicPerWeek: 3 }, fca: { longTermFte: 15, shortTermFte: 2 } });
  s.cafcassPlus = { sites: [{ area: "South", start: "2026-01-05" }] };
});
const plan = { replications: 2, seed: 3 };
const effects = { North: { casesPerWeek: 1, proceedingsAvoidedPerWeek: 0.5 }, South: { casesPerWeek: 1, proceedingsAvoidedPerWeek: 0.2 }, "A2 East, West": { casesPerWeek: 1, proceedingsAvoidedPerWeek: 0.1 } };
const executor = () => syntheticExecutor((area) => effects[area as keyof typeof effects]);

async function last<T>(events: AsyncGenerator<AppraisalEvent<T>>): Promise<{ result: T; progress: number[] }> {
  const progress: number[] = [];
  for await (const e of events) {
    if (e.kind === "done") return { result: e.result, progress };
    progress.push(e.done);
    expect(e.done).toBeLessThanOrEqual(e.total);
  }
  throw new Error("no result");
}

describe("appraisal arms", () => {
  it("differ only in the roll-out areas; sites stay live in both", () => {
    const arms = appraisalArms(scenario, ["North"]);
    expect(arms.doNothing.cafcassPlus.rollout.areas).toEqual([]);
    expect(arms.rollOut.cafcassPlus.rollout.areas).toEqual(["North"]);
    expect(arms.rollOut.cafcassPlus.sites).toEqual(arms.doNothing.cafcassPlus.sites);
    expect({ ...arms.rollOut, cafcassPlus: undefined }).toEqual({ ...arms.doNothing, cafcassPlus: undefined });
    // The cohort is modelled in both arms even where nothing is live, so they pair week by week.
    for (const arm of [arms.doNothing, arms.rollOut]) expect((arm.cafcassPlus as { enabled?: boolean }).enabled).toBe(true);
  });

  it("refuses unknown areas, sites, repeats and an empty roll-out, naming each", () => {
    expect(() => appraisalArms(scenario, ["Nowhere", "South", "North", "North"])).toThrow(
      'unknown area "Nowhere"; area "South" is already a Cafcass Plus site; area "North" is listed twice');
    expect(() => appraisalArms(scenario)).toThrow("no roll-out areas");
  });

  it("offers every area that is not a site as a candidate", () => {
    expect(candidateAreas(scenario)).toEqual(["North", "A2 East, West"]);
  });

  it("reads area lists whose names contain commas, and area codes", () => {
    const names = scenario.areas.map((a) => a.name);
    expect(parseAreaList("A2 East, West,North", names)).toEqual({ areas: ["A2 East, West", "North"], problems: [] });
    expect(parseAreaList("a2, north", names)).toEqual({ areas: ["A2 East, West", "North"], problems: [] });
    expect(parseAreaList("North,Atlantis", names)).toEqual({ areas: ["North"], problems: ['unknown area "Atlantis"'] });
  });
});

describe("appraise on synthetic arms", () => {
  it("runs both arms, pairs them and reports progress to the end", async () => {
    const { result, progress } = await last(appraise(scenario, ["North"], plan, executor()));
    expect(progress).toEqual([1, 2, 3, 4]);
    const f = weeklyDiscountFactors(scenario.costs.discount, 20);
    const pv = f.reduce((t, x) => t + x, 0);
    // North avoids half a set of proceedings a week: court £5,000 and legal aid £12,000 each.
    const total = result.summary.payers.at(-1)!;
    expect(result.summary.payers.find((p) => p.payer === "hmcts")!.savings.mean).toBeCloseTo(0.5 * 5_000 * pv, 6);
    expect(total.savings.mean).toBeCloseTo(0.5 * 17_000 * pv, 6);
    expect(result.summary.extraDiverted.mean).toBeCloseTo(10, 12);
    expect(result.summary.areas).toEqual(["North"]);
    expect(result.summary.priceYear).toBe("2024-25");
  });

  it("ranks candidate areas by NPV, each run alone in both arms", async () => {
    const { result, progress } = await last(rankAreas(scenario, plan, executor()));
    expect(progress.at(-1)).toBe(2 * 2 * 2); // 2 candidates, 2 arms each on that area alone, 2 replications each
    expect([result.interventions, result.appraisalWeeks]).toEqual([["cafcass-plus"], 20]);
    expect(result.rows.map((r) => [r.rank, r.area])).toEqual([[1, "North"], [2, "A2 East, West"]]);
    expect(result.rows[0]!.npv.mean).toBeGreaterThan(result.rows[1]!.npv.mean);
  });

  it("orders ties by P(saving), then by name", () => {
    const row = (area: string, npv: number, p: number) => ({ area, planned: false, npv: valueSpread([npv]), bcr: 1, pSaving: wilsonInterval(p, 1), breakEvenWeek: null, extraDiverted: 0 });
    expect(rankRows([row("b", 1, 0), row("a", 1, 0), row("c", 1, 1), row("d", 2, 0)]).map((r) => r.area)).toEqual(["d", "c", "a", "b"]);
  });

  it("varies cost inputs by re-costing and model inputs by re-running, widest swing first", async () => {
    const { result, progress } = await last(sensitivity(scenario, ["North"], plan, executor()));
    // The full base (2 arms), then on North alone: the base again (2 arms), the roll-out arm at each end
    // of the inputs acting only where Plus is live (none is, in that do-nothing arm), both arms for the rest.
    const models = SENSITIVITY_INPUTS.filter((i) => i.kind === "model"), live = models.filter((i) => i.liveOnly === true).length;
    expect([live, models.length]).toEqual([3, 5]);
    expect(progress.at(-1)).toBe(2 * (2 + 2 + 2 * live + 2 * 2 * (models.length - live)));
    expect([result.rolloutAreasOnly, result.reusedDoNothing]).toEqual([true, true]);
    const pv = weeklyDiscountFactors(scenario.costs.discount, 20).reduce((t, x) => t + x, 0);
    const legalAid = result.rows.find((r) => r.path === "costs.legalAid.perProceedings")!;
    expect(legalAid.npvHigh - legalAid.npvLow).toBeCloseTo(7_000 * 0.5 * pv, 4);
    expect(legalAid.base).toBe(12_000);
    // Plus hours are cases × hours per case × (1 + replication/10) in the synthetic model: mean factor 1.05.
    const hours = result.rows.find((r) => r.path === "cafcassPlus.fcaHoursPerCase")!;
    expect(hours.npvLow - hours.npvHigh).toBeCloseTo(80 * 23 * 1.05 * pv, 4);
    expect(result.rows.map((r) => r.swing)).toEqual([...result.rows.map((r) => r.swing)].sort((a, b) => b - a));
    expect(result.baseNpv).toBe(result.base.summary.payers.at(-1)!.npv.mean);
  });

  it("puts every range around the scenario's default, in the default's units", () => {
    for (const input of SENSITIVITY_INPUTS) {
      const base = inputValue(scenario, input);
      expect(input.low, input.name).toBeLessThanOrEqual(base);
      expect(input.high, input.name).toBeGreaterThanOrEqual(base);
    }
    const hour = SENSITIVITY_INPUTS.find((i) => i.path === "costs.cafcass.fcaHour")!;
    expect([hour.low, hour.high]).toEqual([69.57, 95.65]); // £80k and £110k a year at £92k ≈ £80 an hour
  });
});

describe("sensitivity and ranking on the model itself", () => {
  const three = smallScenario((s) => {
    s.horizonWeeks = 52;
    s.warmupWeeks = 26;
    s.areas.push({ name: "West", demand: { privatePerWeek: 12, publicPerWeek: 5 }, fca: { longTermFte: 14, shortTermFte: 2 } });
    s.cafcassPlus = { sites: [{ area: "South", start: "2025-06-02" }] };
    s.interventions = [preCmh(["West"], (v) => (v.effects = { durationWeeks: { dist: "uniform", min: 0, max: 6 }, expertReports: { dist: "normal", mean: 0.2, sd: 0.1, min: 0, max: 0.5 } }))];
  });
  const twoReps = { replications: 2, seed: 11 };
  const rows = (s: { rows: readonly { path: string; npvLow: number; npvHigh: number }[] }) => Object.fromEntries(s.rows.map((r) => [r.path, [r.npvLow, r.npvHigh]]));
  const close = (a: Record<string, number[]>, b: Record<string, number[]>): void => {
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(a)) a[k]!.forEach((v, j) => expect(Math.abs(v - b[k]![j]!), k).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(v))));
  };

  it("re-running the roll-out areas alone, reusing do-nothing where it can, gives every area's NPVs (Cafcass Plus)", async () => {
    const models = SENSITIVITY_INPUTS.filter((i) => i.kind === "model" || i.path === "costs.legalAid.perProceedings");
    const cut = (await last(sensitivity(three, ["North"], twoReps, inProcessExecutor(), undefined, {}, models))).result;
    const every = (await last(sensitivity(three, ["North"], twoReps, inProcessExecutor(), undefined, { everyArea: true }, models))).result;
    expect([cut.rolloutAreasOnly, cut.reusedDoNothing, every.rolloutAreasOnly, every.reusedDoNothing]).toEqual([true, true, false, false]);
    close(rows(cut), rows(every));
    // Not a sensitivity that moves nothing: the diversion uplift is the widest swing on the real model too.
    expect(cut.rows[0]!.path).toBe("cafcassPlus.effects.diversionUplift");
    expect(cut.rows[0]!.swing).toBeGreaterThan(0);
  });

  it("re-costs an effect that changes only what is counted to what re-running the model at that value gives", async () => {
    const inputs = [...SENSITIVITY_INPUTS.filter((i) => i.counted !== undefined), ...sensitivityInputs(three, ["pre-cmh"]).filter((i) => i.counted !== undefined)];
    expect(inputs.map((i) => i.path)).toEqual(["cafcassPlus.effects.guardianHoursReduction", "cafcassPlus.effects.expertReportsReduction", "interventions[0].effects.expertReports"]);
    const cases: [string[], string[] | undefined][] = [[["cafcass-plus"], ["North"]], [["pre-cmh"], undefined]];
    for (const [names, areas] of cases) {
      const own = inputs.filter((i) => names.includes(i.counted!.intervention));
      const { result, progress } = await last(sensitivity(three, areas, twoReps, inProcessExecutor(), names, {}, own));
      expect(progress.at(-1)).toBe(2 * 2); // the base appraisal only: nothing re-run
      for (const input of own) {
        const row = result.rows.find((r) => r.path === input.path)!;
        for (const [value, npv] of [[input.low, row.npvLow], [input.high, row.npvHigh]] as const) {
          const rerun = (await last(appraise(withInput(three, input, value), areas, twoReps, inProcessExecutor(), undefined, names))).result.summary.payers.at(-1)!.npv.mean;
          expect(Math.abs(npv - rerun), `${input.path} at ${value}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(rerun)));
        }
        expect(row.npvHigh, input.path).toBeGreaterThan(row.npvLow); // saving more saves money
      }
    }
  });

  it("ranks each area with the NPV that appraising its roll-out alone on every area gives", async () => {
    const { result } = await last(rankAreas(three, twoReps, inProcessExecutor(), ["pre-cmh"]));
    expect(result.rows.map((r) => r.area).sort()).toEqual(["North", "South", "West"]);
    for (const row of result.rows) {
      const full = (await last(appraise(three, [row.area], twoReps, inProcessExecutor(), undefined, ["pre-cmh"]))).result.summary.payers.at(-1)!.npv.mean;
      expect(Math.abs(row.npv.mean - full), row.area).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(full)));
    }
    expect(result.rows.find((r) => r.area === "West")!.planned).toBe(true);
  });

  it("varies a declared intervention's effects over their declared ranges, its hours and prices (pre-CMH)", async () => {
    const inputs = sensitivityInputs(three, ["pre-cmh"]);
    expect(inputs.filter((i) => i.path.startsWith("interventions[0]")).map((i) => [i.path, i.kind, i.low, i.high])).toEqual([
      ["interventions[0].effects.durationWeeks", "model", 0, 6], ["interventions[0].effects.expertReports", "cost", 0, 0.5],
      ["interventions[0].fcaHoursPerCase", "model", 1.5, 6], ["interventions[0].otherPayers[0].hoursPerCase", "cost", 2.5, 10],
      ["interventions[0].costs.setupPerArea.amount", "cost", 5_000, 20_000], ["interventions[0].costs.supervisionPerAreaWeek.amount", "cost", 50, 200],
    ]);
    expect(inputs.some((i) => i.path.startsWith("cafcassPlus"))).toBe(false);
    const cut = (await last(sensitivity(three, undefined, twoReps, inProcessExecutor(), ["pre-cmh"], {}, inputs))).result;
    const every = (await last(sensitivity(three, undefined, twoReps, inProcessExecutor(), ["pre-cmh"], { everyArea: true }, inputs))).result;
    expect(cut.rolloutAreasOnly).toBe(true);
    close(rows(cut), rows(every));
    const duration = cut.rows.find((r) => r.path === "interventions[0].effects.durationWeeks")!;
    expect(duration.base).toBe(3);
    expect(duration.npvHigh).toBeGreaterThan(duration.npvLow); // shorter proceedings save money
    const social = cut.rows.find((r) => r.path === "interventions[0].otherPayers[0].hoursPerCase")!;
    expect(social.npvHigh).toBeLessThan(social.npvLow); // more social-worker time costs money
  });
});

const crnScenario = smallScenario((s) => (s.horizonWeeks = 104));
const modelHasCohort = (() => {
  const r = runReplication(appraisalArms(crnScenario, ["North"]).rollOut, 1, 0), shape = resultShape(crnScenario);
  return Array.from({ length: shape.weeks }, (_, w) => r.plus[plusOffset(shape, w, shape.areas.length, plusIndex("cohort_referrals"))]!).some((v) => v > 0);
})();

describe("common random numbers in the model", () => {
  it("has cohort flows to appraise", () => {
    expect(modelHasCohort).toBe(true);
  });

  it("make the paired NPV interval narrower than independent streams for the roll-out arm", async () => {
    const arms = appraisalArms(crnScenario, ["North"]), reps = { replications: 10, seed: 4 }, counter = { done: 0, total: 30 };
    const run = async (s: typeof arms.doNothing, seed: number): Promise<ArmFlows[]> => {
      const into: ArmFlows[] = [];
      for await (const _ of runArm(s, { ...reps, seed }, inProcessExecutor(), into, counter));
      return into;
    };
    const doNothing = await run(arms.doNothing, 4);
    const width = (rollOut: ArmFlows[]): number => {
      const npv = appraiseFlows(settingOf(arms, reps), doNothing, rollOut, crnScenario.costs).summary.payers.at(-1)!.npv;
      return npv.upper - npv.lower;
    };
    expect(width(await run(arms.rollOut, 4))).toBeLessThan(width(await run(arms.rollOut, 99)));
  });

  it("with every effect fixed at zero, saves exactly nothing and loses exactly the Plus cost", async () => {
    const none = { mean: 0, sd: 0, min: 0, max: 0 };
    const zero = { ...crnScenario, cafcassPlus: { ...crnScenario.cafcassPlus, effects: { diversionUplift: none, durationReductionWeeks: none, guardianHoursReduction: none, expertReportsReduction: none } } };
    let run: AppraisalRun | undefined;
    for await (const e of appraise(zero, ["North"], { replications: 3, seed: 2 }, inProcessExecutor())) if (e.kind === "done") run = e.result;
    for (const pair of run!.pairs) {
      expect(pair.total.savings).toBe(0);
      expect(pair.total.npv).toBe(-pair.total.costs);
      expect(pair.total.costs).toBeGreaterThan(0);
    }
  });
});
