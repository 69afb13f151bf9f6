import { describe, expect, it } from "vitest";
import { compareScenarios, inProcessExecutor, runForecast, weeklyBand, type ReplicationExecutor, type ReplicationTask } from "../../../src/experiment/index.js";
import { particleFor, PosteriorConflict, declaredDraws, posteriorScenarios, priorDraws, withoutFields, withoutMoved, type PosteriorDraws } from "../../../src/experiment/calibration/posterior.js";
import { smallScenario } from "../../helpers/small-scenario.js";

const PATH = "areas[0].fca.longTermFte";
const draws: PosteriorDraws = { name: "test.json", paths: [PATH], particles: [{ theta: [30], weight: 0.25 }, { theta: [40], weight: 0.75 }] };

/** An executor that records each task's value at PATH, then runs it in this thread. */
function recording(seen: number[]): ReplicationExecutor {
  const inner = inProcessExecutor();
  return { ...inner, run: (task: ReplicationTask, watch) => (seen.push(task.scenario.areas[0]!.fca.longTermFte), inner.run(task, watch)) };
}

describe("the prior predictive", () => {
  it("draws equally weighted parameter sets from the priors, the same for the same seed", () => {
    const priors = [
      { path: "a", distribution: { kind: "normal", mean: 10, sd: 2 }, source: "test" },
      { path: "b", distribution: { kind: "uniform", min: 1, max: 3 }, source: "test" },
    ] as const;
    const d = priorDraws(priors, 2000, 5);
    expect(d.paths).toEqual(["a", "b"]);
    expect(d.particles.every((p) => p.weight === 1 / 2000)).toBe(true);
    const a = d.particles.map((p) => p.theta[0]!), b = d.particles.map((p) => p.theta[1]!);
    const meanA = a.reduce((s, x) => s + x, 0) / a.length;
    // The mean of 2,000 normal draws lies within 3 standard errors (3 × 2/√2000 ≈ 0.13) of 10.
    expect(Math.abs(meanA - 10)).toBeLessThan(3 * 2 / Math.sqrt(2000));
    expect(Math.min(...b)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...b)).toBeLessThan(3);
    expect(priorDraws(priors, 2000, 5)).toEqual(d);
    expect(priorDraws(priors, 20, 6).particles.map((p) => p.theta[0])).not.toEqual(d.particles.slice(0, 20).map((p) => p.theta[0]));
  });
});

describe("runs with a posterior", () => {
  it("draws each replication's particle by weight, from its own stream of (seed, replication)", () => {
    const picks = Array.from({ length: 4000 }, (_, r) => particleFor(draws, 1, r));
    const share = picks.filter((k) => k === 1).length / picks.length;
    expect(share).toBeGreaterThan(0.75 - 3 * Math.sqrt(0.75 * 0.25 / 4000));
    expect(share).toBeLessThan(0.75 + 3 * Math.sqrt(0.75 * 0.25 / 4000));
    expect(Array.from({ length: 50 }, (_, r) => particleFor(draws, 1, r))).toEqual(Array.from({ length: 50 }, (_, r) => particleFor(draws, 1, r)));
    expect(Array.from({ length: 50 }, (_, r) => particleFor(draws, 2, r))).not.toEqual(Array.from({ length: 50 }, (_, r) => particleFor(draws, 1, r)));
  });

  it("gives replication r the scenario of its particle, and says the bands hold parameter uncertainty", async () => {
    const base = smallScenario((s) => (s.horizonWeeks = 8)), seen: number[] = [];
    const f = await runForecast(base, { replications: 6, seed: 3, posterior: draws }, recording(seen));
    expect(seen).toEqual(Array.from({ length: 6 }, (_, r) => (particleFor(draws, 3, r) === 0 ? 30 : 40)));
    expect(new Set(seen).size).toBe(2);
    expect(f.bandContent).toBe("simulation-and-parameter");
    expect(f.plan.posterior?.name).toBe("test.json");
    const without = await runForecast(base, { replications: 2, seed: 3 }, inProcessExecutor());
    expect(without.bandContent).toBe("simulation-noise");
    const scenarioFor = posteriorScenarios(base, draws, 3);
    expect(scenarioFor(0)).toBe(scenarioFor(0)); // one parsed scenario per particle
  });

  it("draws the same parameters for replication r in every arm of a comparison (common parameter draws)", async () => {
    const a = smallScenario((s) => (s.horizonWeeks = 8)), b = smallScenario((s) => {
      s.horizonWeeks = 8;
      s.national = { demand: { multiplier: 1.2 } };
    });
    const seen: number[] = [];
    const c = await compareScenarios([a, b], { replications: 5, seed: 9, posterior: draws }, recording(seen));
    expect(seen.slice(0, 5)).toEqual(seen.slice(5));
    expect(c.bandContent).toBe("simulation-and-parameter");
  });

  it("leaves a field the user moved out of the draws, so the lever still moves the run; the other fields are still drawn", async () => {
    const two: PosteriorDraws = { name: "two.json", paths: [PATH, "areas[1].fca.longTermFte"], particles: [{ theta: [30, 20], weight: 0.5 }, { theta: [40, 24], weight: 0.5 }] };
    const a = smallScenario((s) => (s.horizonWeeks = 4)), b = smallScenario((s) => {
      s.horizonWeeks = 4;
      s.areas[0]!.fca.longTermFte = 55;
    });
    expect(withoutMoved(two, a, a)).toBe(two);
    const reduced = withoutMoved(two, b, a);
    expect(reduced.paths).toEqual(["areas[1].fca.longTermFte"]);
    expect(reduced.particles.map((p) => p.theta)).toEqual([[20], [24]]);
    expect(reduced.name).toBe("two.json (less areas[0].fca.longTermFte, set by the scenario)");
    const seen: number[] = [];
    await runForecast(b, { replications: 3, seed: 1, posterior: reduced }, recording(seen));
    expect(seen).toEqual([55, 55, 55]);
  });

  it("leaves out a drawn field inside one a command sets whole (a parent object or array), and no field that merely shares a prefix", () => {
    const three: PosteriorDraws = { name: "p.json", paths: ["national.durations.public.meanWeeks", "national.durations.publicity", "areas[1].fca.longTermFte"], particles: [{ theta: [44, 1, 20], weight: 1 }] };
    expect(withoutFields(three, ["national.durations.public", "areas[1]"], "--set").paths).toEqual(["national.durations.publicity"]);
    expect(withoutFields(three, ["national.durations.pub"], "--set")).toBe(three);
  });

  it("replaces a drawn set the scenario's own values make invalid by the next valid one, and says so when none is", () => {
    const thresholds: PosteriorDraws = { name: "t.json", paths: ["protocol.releaseUnallocatedWeeks"], particles: [{ theta: [2], weight: 0.5 }, { theta: [0.5], weight: 0.5 }] };
    const base = smallScenario((s) => (s.protocol = { triggerUnallocatedWeeks: 1 })); // release must not exceed the trigger
    const scenarioFor = posteriorScenarios(base, thresholds, 1);
    expect(Array.from({ length: 8 }, (_, r) => scenarioFor(r).protocol.releaseUnallocatedWeeks)).toEqual(Array(8).fill(0.5));
    const none = posteriorScenarios(smallScenario((s) => (s.protocol = { triggerUnallocatedWeeks: 0.25, releaseUnallocatedWeeks: 0.1 })), thresholds, 1);
    expect(() => none(0)).toThrow(PosteriorConflict);
    expect(() => none(0)).toThrow(/^no parameter set of t\.json gives a valid scenario with the values this run sets \(protocol\.releaseUnallocatedWeeks: /);
  });

  it("widens the bands by the parameter uncertainty it carries (the --posterior lever's functional truth)", async () => {
    const durations: PosteriorDraws = { name: "d.json", paths: ["national.durations.public.meanWeeks"], particles: [{ theta: [30], weight: 0.5 }, { theta: [60], weight: 0.5 }] };
    const base = smallScenario((s) => (s.horizonWeeks = 52));
    const width = (f: Awaited<ReturnType<typeof runForecast>>): number => {
      const [p5 = NaN, , , , p95 = NaN] = weeklyBand(f, 51, 2, "open_cases");
      return p95 - p5;
    };
    const fixed = await runForecast(base, { replications: 12, seed: 5 }, inProcessExecutor());
    const drawn = await runForecast(base, { replications: 12, seed: 5, posterior: durations }, inProcessExecutor());
    expect(width(drawn), `${width(drawn)} against ${width(fixed)}`).toBeGreaterThan(2 * width(fixed));
  });

  it("gives a scenario the draws of the fields it declares, leaving out others the posterior fitted, and names a field it did not fit", () => {
    const prior = (path: string) => ({ path, distribution: { kind: "uniform" as const, min: 1, max: 50 }, source: "s" });
    expect(declaredDraws(draws, [prior(PATH)])).toBe(draws);
    const wider: PosteriorDraws = { name: "w.json", paths: ["national.durations.slowdowns[0].multiplier", PATH], particles: [{ theta: [1.2, 21], weight: 0.25 }, { theta: [1.1, 23], weight: 0.75 }] };
    expect(declaredDraws(wider, [prior(PATH)])).toEqual({
      name: "w.json (less national.durations.slowdowns[0].multiplier, set by the scenario: it declares no prior for them)",
      paths: [PATH], particles: [{ theta: [21], weight: 0.25 }, { theta: [23], weight: 0.75 }],
    });
    expect(declaredDraws(draws, [])).toBe("posterior test.json fits areas[0].fca.longTermFte, but the scenario declares priors for nothing: calibrate this scenario, or use a posterior fitted to every field it declares");
    expect(declaredDraws(draws, [prior(PATH), prior("national.durations.public.meanWeeks")])).toBe("posterior test.json fits areas[0].fca.longTermFte, but the scenario declares priors for areas[0].fca.longTermFte, national.durations.public.meanWeeks (not fitted: national.durations.public.meanWeeks): calibrate this scenario, or use a posterior fitted to every field it declares");
  });
});
