import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeField, feasibleFront, inProcessExecutor, paretoFront, planSweep, steppedValues, sweep, withPath, type SweepResult } from "../../src/experiment/index.js";
import { scenarioJsonSchema } from "../../src/model/index.js";
import { smallScenarioInput } from "../helpers/small-scenario.js";
import { syntheticExecutor } from "../helpers/synthetic-executor.js";

describe("the Pareto frontier", () => {
  it("contains no dominated point, and every point off it is dominated by one on it (property)", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 40 }), (pts) => {
      const front = new Set(paretoFront(pts));
      const dominates = (a: readonly number[], b: readonly number[]): boolean => a[0]! <= b[0]! && a[1]! <= b[1]! && (a[0]! < b[0]! || a[1]! < b[1]!);
      pts.forEach((p, i) => {
        const dominated = pts.some((q) => dominates(q, p));
        expect(front.has(i)).toBe(!dominated);
        if (!front.has(i)) expect([...front].some((j) => dominates(pts[j]!, p))).toBe(true);
      });
    }), { numRuns: 200, seed: 7 });
  });

  it("keeps ties (equal points do not dominate each other)", () => {
    expect(paretoFront([[1, 2], [1, 2], [2, 3]])).toEqual([0, 1]);
  });
});

describe("sweep plans", () => {
  it("builds the full grid in order", () => {
    const points = planSweep([{ path: "a", values: [1, 2] }, { path: "b", values: [10, 20, 30] }], 1);
    expect(points.map((p) => [p.values.a, p.values.b])).toEqual([[1, 10], [1, 20], [1, 30], [2, 10], [2, 20], [2, 30]]);
  });

  it("draws a Latin hypercube with one point in each stratum of each dimension", () => {
    const values = steppedValues(0, 99, 1);
    const points = planSweep([{ path: "x", values }, { path: "y", values }], 3, 10);
    for (const key of ["x", "y"]) expect(points.map((p) => Math.floor(p.values[key]! / 10)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(planSweep([{ path: "x", values }], 3, 10)).toEqual(planSweep([{ path: "x", values }], 3, 10));
  });

  it("steps without floating-point drift and refuses bad ranges", () => {
    expect(steppedValues(1.1, 1.3, 0.1)).toEqual([1.1, 1.2, 1.3]);
    expect(() => steppedValues(1, 0, 1)).toThrow("to (0) must not be below from (1)");
    expect(() => steppedValues(0, 1, 0)).toThrow("step must be > 0 (got 0)");
  });
});

describe("scenario paths", () => {
  it("sets nested fields and array elements without touching the original", () => {
    const base = { protocol: { triggerRatio: 1.2 }, areas: [{ fca: { longTermFte: 3 } }, { fca: { longTermFte: 4 } }] };
    expect(withPath(base, "areas[1].fca.longTermFte", 9)).toEqual({ protocol: { triggerRatio: 1.2 }, areas: [{ fca: { longTermFte: 3 } }, { fca: { longTermFte: 9 } }] });
    expect(withPath(base, "national.demand.multiplier", 2)).toMatchObject({ national: { demand: { multiplier: 2 } } });
    expect(base.areas[1]!.fca.longTermFte).toBe(4);
    expect(() => withPath(base, "areas[5].fca", 1)).toThrow("areas[5].fca: there is no element [5] here");
    expect(() => withPath(base, "a..b", 1)).toThrow('"a..b" is not a field path');
  });

  it("describes what the schema allows at a path", () => {
    const schema = scenarioJsonSchema();
    expect(describeField(schema, "protocol.triggerRatio")).toBe("a number above 0 to 5");
    expect(describeField(schema, "protocol.maxHoldWeeks")).toBe("an integer from 1 to 104");
    expect(describeField(schema, "areas[0].fca.longTermFte")).toBe("a number from 0 to 5000");
    expect(describeField(schema, "protocol.nope")).toBeUndefined();
  });
});

describe("a sweep over the trigger ratio", () => {
  // The ratio is the open-cases trigger's threshold (the default trigger watches unallocated work instead).
  // Caseloads no longer rise with it: less urgent work waits unallocated outside a hub rather than going over the cap.
  it("opens hubs less and leaves more cases waiting longer for allocation outside them as the trigger rises", async () => {
    const base = { ...smallScenarioInput(), horizonWeeks: 78, protocol: { trigger: "open-cases" as const } };
    const points = planSweep([{ path: "protocol.triggerRatio", values: [1.1, 1.6] }], 1);
    let result: SweepResult | undefined;
    for await (const e of sweep(base, points, { replications: 6, seed: 2 }, inProcessExecutor(), { objectives: ["hub_wait_mean_weeks", "allocation_wait_mean_weeks"] })) {
      if (e.kind === "done") result = e.result;
    }
    const [low, high] = result!.rows;
    expect(high!.means.protocol_weeks_active).toBeLessThan(low!.means.protocol_weeks_active);
    expect(high!.means.awaiting_case_weeks).toBeGreaterThan(low!.means.awaiting_case_weeks);
    expect(high!.means.allocation_wait_mean_weeks).toBeGreaterThan(low!.means.allocation_wait_mean_weeks);
  });

  it("varies a dated staffing change like any other field: more FTE from the date, less work waiting", async () => {
    const base = { ...smallScenarioInput(), horizonWeeks: 52 };
    base.areas = base.areas.map((a, i) => (i === 0 ? { ...a, staffing: [{ from: "2026-03-02", fte: 0, how: "transfer" as const }] } : a));
    const points = planSweep([{ path: "areas[0].staffing[0].fte", values: [0, 8] }], 1);
    let result: SweepResult | undefined;
    for await (const e of sweep(base, points, { replications: 6, seed: 2 }, inProcessExecutor(), { objectives: ["awaiting_case_weeks", "avg_caseload"] })) {
      if (e.kind === "done") result = e.result;
    }
    const [none, eight] = result!.rows;
    expect(eight!.means.avg_caseload).toBeLessThan(none!.means.avg_caseload);
    expect(eight!.means.awaiting_case_weeks).toBeLessThan(none!.means.awaiting_case_weeks);
  });
});

describe("constrained sweeps", () => {
  const base = { ...smallScenarioInput(), horizonWeeks: 4 };
  async function run(table: readonly (readonly number[])[], goals: Parameters<typeof sweep>[4]): Promise<SweepResult> {
    // Point k (warmupWeeks = k) gives replication i the backlog table[k][i] in every week.
    const executor = syntheticExecutor((s, i) => table[s.warmupWeeks ?? 0]![i]!);
    const points = planSweep([{ path: "warmupWeeks", values: table.map((_, k) => k) }], 1);
    let result: SweepResult | undefined;
    for await (const e of sweep(base, points, { replications: table[0]!.length, seed: 1 }, executor, goals)) if (e.kind === "done") result = e.result;
    return result!;
  }

  it("keep exactly the points meeting every constraint in at least the confidence's share of replications, and draw the frontier from them alone (property)", async () => {
    const table = fc.integer({ min: 1, max: 8 }).chain((reps) => fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: reps, maxLength: reps }), { minLength: 1, maxLength: 8 }));
    await fc.assert(fc.asyncProperty(table, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), async (t, x, y, confidence) => {
      const r = await run(t, { objectives: ["hub_backlog_end", "fca_weeks_over_cap"], constraints: [`hub_backlog <= ${x}`, `hub_backlog_end >= ${y}`], confidence });
      t.forEach((values, k) => {
        const share = (ok: (v: number) => boolean): number => values.filter(ok).length / values.length;
        expect(r.rows[k]!.constraints.map((c) => c.p)).toEqual([share((v) => v <= x), share((v) => v >= y)]);
        expect(r.rows[k]!.feasible).toBe(share((v) => v <= x) >= confidence && share((v) => v >= y) >= confidence);
      });
      const feasible = r.rows.flatMap((row, k) => (row.feasible ? [k] : []));
      expect(r.frontier.every((k) => r.rows[k]!.feasible)).toBe(true);
      expect(r.frontier).toEqual(paretoFront(feasible.map((k) => r.rows[k]!.objectives)).map((j) => feasible[j]!));
      expect(r.frontier).toEqual(feasibleFront(r.rows));
    }), { numRuns: 60, seed: 11 });
  });

  it("score a per-area objective and a weekly objective by their own rows and weeks", async () => {
    const r = await run([[4, 6], [10, 20]], { objectives: ["hub_backlog@2026-01..2026-01", "hub_backlog_end@North"] });
    expect(r.objectives).toEqual(["hub_backlog@2026-01-05..2026-01-26", "hub_backlog_end@North"]);
    expect(r.rows.map((row) => row.objectives)).toEqual([[5, 0], [15, 0]]); // the made-up backlog is national only
    expect(r.frontier).toEqual([0]);
  });

  it("with no feasible point, leave the frontier empty", async () => {
    const r = await run([[40, 50], [35, 60]], { objectives: ["hub_backlog_end", "fca_weeks_over_cap"], constraints: ["hub_backlog <= 30"], confidence: 0.5 });
    expect(r.rows.map((row) => row.feasible)).toEqual([false, false]);
    expect(r.frontier).toEqual([]);
  });
});
