import fc from "fast-check";

/** One fuzz case: a scenario (valid or not) and the horizon `run --weeks` cuts it to. */
export interface FuzzCase {
  readonly index: number;
  readonly kind: "generated" | "mutated";
  readonly scenario: unknown;
  readonly weeks: number;
  /** What was done to it, for the report of a failing case. */
  readonly note: string;
}

/** Values that have broken parsers before: wrong signs and types, absurd sizes, empties. */
const WILD: readonly unknown[] = [-1, 0, 1e12, -1e12, 1e-300, 2 ** 53 + 2, 1e308, "x", "", null, true, [], {}, [1, 2], "0x1A", "1e3"];
const wild = fc.constantFrom(...WILD);
// Mostly plausible values, now and then a wild one: about half the generated scenarios are valid and run.
const num = (min: number, max: number): fc.Arbitrary<unknown> => fc.oneof({ weight: 60, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) }, { weight: 1, arbitrary: wild });
const int = (min: number, max: number): fc.Arbitrary<unknown> => fc.oneof({ weight: 60, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: wild });
/** The first value (or arbitrary) nearly always, the others now and then. */
const mostly = (first: unknown, ...rare: unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 20, arbitrary: first instanceof fc.Arbitrary ? first : fc.constant(first) }, { weight: 1, arbitrary: fc.constantFrom(...rare) });
const optional = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined, freq: 2 });

const area = fc.record({
  name: fc.oneof({ weight: 20, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), // "" is replaced by a distinct name
  demand: fc.record({ privatePerWeek: num(0, 120), publicPerWeek: num(0, 40) }),
  fca: fc.record({ longTermFte: num(0, 120), shortTermFte: num(0, 40) }),
  baselineOpenCases: optional(num(1, 5000)),
  courts: optional(int(1, 4)),
  staffing: optional(fc.array(fc.record({ from: mostly("2026-03-02", "2026-02-30", "x"), fte: num(-50, 50) }), { maxLength: 2 })),
  initial: optional(fc.record({
    openPublic: int(0, 800), openWtfh: int(0, 200), openFurtherWork: int(0, 600), awaitingAllocation: int(0, 200), inHub: int(0, 100), hubMaxWeeksHeld: int(0, 30),
    protocolState: mostly(fc.constantFrom("normal", "lead-in", "hub-active", "winding-down"), "x"),
  }, { requiredKeys: [] })),
  durations: optional(fc.record({ publicMultiplier: num(0.2, 3), furtherWorkMultiplier: num(0.2, 3) }, { requiredKeys: [] })),
}, { requiredKeys: ["name", "demand", "fca"] });

const generatedScenario = fc.record({
  name: fc.constant("fuzz"),
  startDate: mostly(fc.constantFrom("2026-01-05", "2024-02-29", "2026-06-01", "2027-12-27"), "2025-02-29", "soon"),
  horizonWeeks: int(1, 12),
  warmupWeeks: optional(int(0, 6)),
  run: optional(fc.record({ replications: int(1, 5), seed: int(0, 1000) }, { requiredKeys: [] })),
  areas: fc.array(area, { minLength: 1, maxLength: 3 }),
  national: optional(fc.record({
    demand: fc.record({ multiplier: num(0.1, 3), trendPerYear: num(-0.5, 1), shocks: fc.array(fc.record({ from: mostly("2026-02-02", "2026-13-01"), multiplier: num(0.1, 5) }), { maxLength: 2 }) }, { requiredKeys: [] }),
    workforce: fc.record({ fteMultiplier: num(0, 3), longTermCap: num(1, 60), sickness: fc.record({ shortPerFteYear: num(0, 20), longPerFteYear: num(0, 3) }, { requiredKeys: [] }) }, { requiredKeys: [] }),
    durations: fc.record({ public: fc.record({ meanWeeks: num(1, 100), cv: num(0, 3) }), slowdowns: fc.array(fc.record({ from: fc.constant("2026-02-02"), multiplier: num(0.2, 20) }), { maxLength: 1 }) }, { requiredKeys: [] }),
  }, { requiredKeys: [] })),
  protocol: optional(fc.record({
    triggerUnallocatedWeeks: num(0.1, 20), releaseUnallocatedWeeks: num(0, 5), triggerWeeks: int(1, 10), maxHoldWeeks: int(1, 40), leadInWeeks: int(0, 10),
    trigger: mostly(fc.constantFrom("unallocated", "open-cases"), "sometimes"),
  }, { requiredKeys: [] })),
  cafcassPlus: optional(fc.record({ sites: fc.array(fc.record({ area: fc.constantFrom("North", "West"), start: fc.constant("2026-01-05") }), { maxLength: 1 }) }, { requiredKeys: [] })),
}, { requiredKeys: ["name", "startDate", "horizonWeeks", "areas"] });

/** Every path to a leaf (or a small array) of a JSON value. */
function leaves(value: unknown, path: readonly (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length <= 12 && value.every((v) => typeof v !== "object") ? [[...path]] : value.flatMap((v, i) => leaves(v, [...path, i]));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [[...path]];
}

/** `value` with the leaf at `path` replaced (or, for the `undefined` replacement, deleted). */
function mutate(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  if (rest.length === 0 && replacement === undefined) delete copy[head!];
  else copy[head!] = mutate(copy[head!], rest, replacement);
  return copy;
}

/** The fuzz case numbered `index` of seed `seed`: even indices generated, odd ones mutations of a shipped scenario. Deterministic. */
export function fuzzCase(seed: number, index: number, templates: readonly { name: string; data: unknown }[]): FuzzCase {
  const weeks = fc.sample(fc.integer({ min: 1, max: 6 }), { seed: seed * 7919 + index, numRuns: 1 })[0]!;
  if (index % 2 === 0 || templates.length === 0) {
    const drawn = fc.sample(generatedScenario, { seed: seed * 104_729 + index, numRuns: 1 })[0]!;
    const scenario = { ...drawn, areas: drawn.areas.map((a, i) => ({ ...a, name: a.name === "" ? ["North", "South", "East"][i] : a.name })) };
    return { index, kind: "generated", scenario, weeks, note: "fast-check scenario" };
  }
  // A replacement is a wild value or a deletion, or (as often) the old number scaled: 0, a tenth, double, ten times.
  const replacement = fc.oneof(wild, fc.constant(undefined), fc.constantFrom("×0", "×0.1", "×2", "×10"), fc.constantFrom("×0", "×0.1", "×2", "×10"));
  const pick = fc.sample(fc.record({ t: fc.nat(templates.length - 1), n: fc.integer({ min: 1, max: 3 }), k: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), v: fc.array(replacement, { minLength: 3, maxLength: 3 }) }), { seed: seed * 15_485_863 + index, numRuns: 1 })[0]!;
  const template = templates[pick.t]!;
  let scenario = template.data;
  const notes: string[] = [];
  for (let m = 0; m < pick.n; m++) {
    const paths = leaves(scenario), path = paths[pick.k[m]! % paths.length]!;
    const old = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], scenario), scale = pick.v[m];
    const value = typeof scale === "string" && scale.startsWith("×") ? (typeof old === "number" ? old * Number(scale.slice(1)) : old) : scale;
    scenario = mutate(scenario, path, value);
    notes.push(`${path.join(".")} = ${value === undefined ? "(deleted)" : JSON.stringify(value)}`);
  }
  return { index, kind: "mutated", scenario, weeks, note: `${template.name}: ${notes.join("; ")}` };
}
