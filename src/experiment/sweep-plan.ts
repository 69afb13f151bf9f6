import { streamFor } from "../kernel/index.js";

/** One varied field: its path and the values it may take, in order. */
export interface Dimension {
  readonly path: string;
  readonly values: readonly number[];
}

/** One point of a sweep: its index and the value of each varied field. */
export interface SweepPoint {
  readonly index: number;
  readonly values: Readonly<Record<string, number>>;
}

/**
 * The points of a sweep, as data: the full grid of every dimension's values, or, with
 * `samples`, a Latin hypercube of that many points (each dimension cut into `samples` equal
 * strata, one point per stratum, strata shuffled independently; seeded by `seed`).
 */
export function planSweep(dimensions: readonly Dimension[], seed: number, samples?: number): SweepPoint[] {
  if (dimensions.length === 0) throw new RangeError("a sweep needs at least one --vary");
  if (samples === undefined) return grid(dimensions).map((values, index) => ({ index, values }));
  const rng = streamFor(seed, 0, "sweep/latin-hypercube");
  const columns = dimensions.map((d) => shuffled(samples, rng).map((stratum) => d.values[Math.min(d.values.length - 1, Math.floor(((stratum + rng()) / samples) * d.values.length))]!));
  return Array.from({ length: samples }, (_, index) => ({ index, values: Object.fromEntries(dimensions.map((d, j) => [d.path, columns[j]![index]!])) }));
}

function grid(dimensions: readonly Dimension[]): Record<string, number>[] {
  return dimensions.reduce<Record<string, number>[]>(
    (points, d) => points.flatMap((p) => d.values.map((v) => ({ ...p, [d.path]: v }))),
    [{}],
  );
}

function shuffled(n: number, rng: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Values from `from` to `to` (inclusive) in steps of `step`, without floating-point drift. */
export function steppedValues(from: number, to: number, step: number): number[] {
  if (!(step > 0)) throw new RangeError(`step must be > 0 (got ${String(step)})`);
  if (!(to >= from)) throw new RangeError(`to (${String(to)}) must not be below from (${String(from)})`);
  const n = Math.floor((to - from) / step + 1e-9) + 1;
  if (n > 10_000) throw new RangeError(`${n} values is too many for one dimension (at most 10,000)`);
  const decimals = Math.max(decimalsOf(from), decimalsOf(step));
  return Array.from({ length: n }, (_, i) => Number((from + i * step).toFixed(decimals)));
}

function decimalsOf(x: number): number {
  const s = String(x);
  return s.includes(".") ? s.length - s.indexOf(".") - 1 : 0;
}
