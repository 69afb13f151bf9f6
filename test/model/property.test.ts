import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseScenario, runReplication, type ScenarioInput } from "../../src/model/index.js";

const areaArb = (name: string) => fc.record({
  name: fc.constant(name),
  demand: fc.record({ privatePerWeek: fc.double({ min: 0, max: 60, noNaN: true }), publicPerWeek: fc.double({ min: 0, max: 25, noNaN: true }) }),
  fca: fc.record({ longTermFte: fc.double({ min: 0.5, max: 60, noNaN: true }), shortTermFte: fc.double({ min: 0.5, max: 12, noNaN: true }) }),
  initial: fc.option(fc.record({
    openPublic: fc.nat(300), openWtfh: fc.nat(100), openFurtherWork: fc.nat(300), awaitingAllocation: fc.nat(50),
    inHub: fc.nat(80), hubMaxWeeksHeld: fc.nat(30), fcasLongSick: fc.nat(5),
    protocolState: fc.constantFrom("normal", "lead-in", "hub-active", "winding-down"),
  }), { nil: undefined }),
});

const scenarioArb: fc.Arbitrary<ScenarioInput> = fc.record({
  name: fc.constant("generated"),
  startDate: fc.constantFrom("2020-03-23", "2026-11-30", "2027-02-28"),
  horizonWeeks: fc.integer({ min: 1, max: 40 }),
  warmupWeeks: fc.integer({ min: 0, max: 20 }),
  areas: fc.tuple(areaArb("A"), areaArb("B")).map((a) => a as unknown as ScenarioInput["areas"]),
  national: fc.record({
    demand: fc.record({ multiplier: fc.double({ min: 0.1, max: 3, noNaN: true }), trendPerYear: fc.double({ min: -0.3, max: 0.5, noNaN: true }) }),
    workforce: fc.record({
      sickness: fc.record({ multiplier: fc.double({ min: 0, max: 8, noNaN: true }) }),
      attrition: fc.record({ perYear: fc.double({ min: 0, max: 1, noNaN: true }) }),
      recruitment: fc.record({ enabled: fc.boolean(), delayWeeks: fc.integer({ min: 0, max: 30 }) }),
      agency: fc.record({ share: fc.double({ min: 0, max: 0.2, noNaN: true }) }),
    }),
  }),
  protocol: fc.record({
    enabled: fc.boolean(),
    triggerRatio: fc.double({ min: 1.1, max: 1.5, noNaN: true }),
    releaseRatio: fc.double({ min: 0.5, max: 1.1, noNaN: true }),
    triggerWeeks: fc.integer({ min: 1, max: 6 }),
    leadInWeeks: fc.integer({ min: 0, max: 8 }),
    maxHoldWeeks: fc.integer({ min: 1, max: 30 }),
    filingMarginWeeks: fc.integer({ min: 0, max: 12 }),
    releaseWeeks: fc.integer({ min: 1, max: 10 }),
    windDownWeeks: fc.integer({ min: 0, max: 6 }),
  }),
});

describe("generated scenarios (fast-check)", () => {
  it("always run without a crash and without losing a case", () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(1000), (input, seed) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        // runReplication throws if any weekly conservation check fails.
        const r = runReplication(parsed.scenario, seed, 0);
        const weeks = parsed.scenario.horizonWeeks + parsed.scenario.warmupWeeks!;
        expect(r.conservationChecks).toBe(weeks * 2);
        expect(r.weekly.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
      }),
      { numRuns: 60, seed: 20261123 },
    );
  });
});
