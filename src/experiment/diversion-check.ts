import { quantile } from "d3-array";
import { plusIndex, plusOffset, type ResultShape } from "../model/index.js";
import type { Spread } from "./forecast.js";

/** A group of areas and what was observed there: a count of diverted cases out of those decided, or just a share. */
export interface DiversionGroup {
  readonly label: string;
  readonly areas: readonly string[];
  readonly observed: { readonly share: number; readonly diverted?: number; readonly decided?: number };
}

/** Simulated diversion for a group across replications, against the observation. */
export interface DiversionRow {
  readonly group: DiversionGroup;
  readonly decided: Spread;
  readonly diverted: Spread;
  /** Diverted ÷ decided, per replication (replications with none decided left out). */
  readonly share: Spread;
  /** Whether the observed count (or, without one, the observed share) lies within the simulated 5–95% range. */
  readonly observedInside: boolean;
}

/** Compares the cohort's simulated diversion, summed over the horizon, with observed counts (e.g. a pilot's). */
export function diversionCheck(shape: ResultShape, plusArrays: readonly Float64Array[], groups: readonly DiversionGroup[]): DiversionRow[] {
  const total = (plus: Float64Array, rows: readonly number[], metric: "cohort_diverted" | "cohort_proceedings"): number => {
    let n = 0;
    for (let w = 0; w < shape.weeks; w++) for (const row of rows) n += plus[plusOffset(shape, w, row, plusIndex(metric))]!;
    return n;
  };
  return groups.map((group) => {
    const rows = group.areas.map((a) => {
      const i = shape.areas.indexOf(a);
      if (i < 0) throw new Error(`unknown area "${a}" in diversion group "${group.label}"`);
      return i;
    });
    const diverted = plusArrays.map((p) => total(p, rows, "cohort_diverted"));
    const decided = plusArrays.map((p, r) => diverted[r]! + total(p, rows, "cohort_proceedings"));
    const share = diverted.map((d, r) => d / decided[r]!).filter((x) => !Number.isNaN(x));
    const [s, x] = [spread(share), spread(diverted)];
    const o = group.observed;
    const observedInside = o.diverted === undefined ? s.p5 <= o.share && o.share <= s.p95 : x.p5 <= o.diverted && o.diverted <= x.p95;
    return { group, decided: spread(decided), diverted: x, share: s, observedInside };
  });
}

function spread(values: readonly number[]): Spread {
  const mean = values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
  return { mean, median: quantile(values, 0.5) ?? NaN, p5: quantile(values, 0.05) ?? NaN, p95: quantile(values, 0.95) ?? NaN };
}
