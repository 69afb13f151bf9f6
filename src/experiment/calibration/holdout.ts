import { mean } from "d3-array";
import { daysBetween } from "../../model/index.js";
import { weeklyBand, type BandContent, type Forecast } from "../forecast.js";
import type { Observation } from "../observations.js";
import { observationGroup } from "./hubsim-calibration.js";

/** One central interval of a forecast: its level α (0.1 for the 90% interval) and bounds. */
export interface Interval {
  readonly alpha: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * The weighted interval score of an observation y against a forecast's median and central
 * intervals (Bracher et al. 2021, eq. 3): (½|y − m| + Σ α/2 · IS_α) ÷ (K + ½), where the interval
 * score IS_α = (u − l) + (2/α)(l − y)⁺ + (2/α)(y − u)⁺. Lower is better; it is in the measure's units.
 */
export function weightedIntervalScore(y: number, median: number, intervals: readonly Interval[]): number {
  const is = (i: Interval): number => i.upper - i.lower + (2 / i.alpha) * Math.max(0, i.lower - y) + (2 / i.alpha) * Math.max(0, y - i.upper);
  return (0.5 * Math.abs(y - median) + intervals.reduce((s, i) => s + (i.alpha / 2) * is(i), 0)) / (intervals.length + 0.5);
}

/** A held-out observation against the forecast's quantiles. */
export interface HoldoutRow extends Observation {
  /** Reporting week, 1-based. */
  readonly week: number;
  readonly p5: number;
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
  readonly p95: number;
  readonly in50: boolean;
  readonly in90: boolean;
  readonly wis: number;
}

/** The scores of one measure (nationally, or across areas): band coverage, mean WIS, and MAPE of the median over non-zero observations. */
export interface HoldoutFit {
  readonly group: string;
  readonly observations: number;
  /** Shares in % of observations inside the 50% and 90% bands. */
  readonly coverage50: number;
  readonly coverage90: number;
  readonly wis: number;
  /** NaN when every observation is 0. */
  readonly mape: number;
}

/** Every held-out observation scored, per measure and nationally in all. */
export interface HoldoutScore {
  readonly after: string;
  readonly rows: readonly HoldoutRow[];
  readonly fits: readonly HoldoutFit[];
  /** National observations inside the 90% and 50% bands, in %. */
  readonly nationalCoverage90: number;
  readonly nationalCoverage50: number;
  readonly bandContent: BandContent;
}

/** Scores a forecast against the observations dated after `after` (the held-out ones) inside its horizon. */
export function scoreHoldout(f: Forecast, observations: readonly Observation[], after: string): HoldoutScore {
  const rows = observations.flatMap((o): HoldoutRow[] => {
    if (daysBetween(after, o.date) <= 0) return [];
    const week = Math.floor(daysBetween(f.scenario.startDate, o.date) / 7) + 1;
    const row = o.area === undefined ? f.shape.areas.length : f.shape.areas.indexOf(o.area);
    if (week < 1 || week > f.shape.weeks || row < 0) return [];
    const [p5 = NaN, p25 = NaN, median = NaN, p75 = NaN, p95 = NaN] = weeklyBand(f, week - 1, row, o.metric);
    const y = o.value;
    return [{
      ...o, week, p5, p25, median, p75, p95, in50: y >= p25 && y <= p75, in90: y >= p5 && y <= p95,
      wis: weightedIntervalScore(y, median, [{ alpha: 0.5, lower: p25, upper: p75 }, { alpha: 0.1, lower: p5, upper: p95 }]),
    }];
  });
  const share = (rs: readonly HoldoutRow[], pick: (r: HoldoutRow) => boolean): number => (rs.length === 0 ? NaN : (100 * rs.filter(pick).length) / rs.length);
  const groups = [...new Set(rows.map(observationGroup))];
  const fits = groups.map((group): HoldoutFit => {
    const these = rows.filter((r) => observationGroup(r) === group), nonZero = these.filter((r) => r.value !== 0);
    return {
      group, observations: these.length, coverage50: share(these, (r) => r.in50), coverage90: share(these, (r) => r.in90),
      wis: mean(these, (r) => r.wis) ?? NaN, mape: nonZero.length === 0 ? NaN : 100 * (mean(nonZero, (r) => Math.abs(r.median - r.value) / Math.abs(r.value)) ?? NaN),
    };
  });
  const national = rows.filter((r) => r.area === undefined);
  return { after, rows, fits, nationalCoverage90: share(national, (r) => r.in90), nationalCoverage50: share(national, (r) => r.in50), bandContent: f.bandContent };
}

/**
 * How one forecast's interval scores compare with another's on the same held-out observations:
 * the geometric mean over measures of the ratio of their mean weighted interval scores, whatever
 * the measures' units (as in the forecast hubs' relative WIS). `weigh: "measure"` gives every
 * measure the same weight; "observation" weighs each by its held-out observations, so a measure
 * observed once counts once. Below 1: `a` scores better. A measure both forecast perfectly counts
 * as a tie; one only `b` does, as `a` infinitely worse.
 */
export function relativeWis(a: HoldoutScore, b: HoldoutScore, weigh: "measure" | "observation" = "measure"): number {
  const other = new Map(b.fits.map((f) => [f.group, f.wis]));
  const logs = a.fits.map((f) => {
    const w = other.get(f.group);
    if (w === undefined) throw new RangeError(`${f.group} is scored in one forecast only`);
    return f.wis === w ? 0 : Math.log(f.wis / w);
  });
  if (weigh === "measure") return Math.exp(mean(logs) ?? NaN);
  const n = a.fits.reduce((t, f) => t + f.observations, 0);
  return Math.exp(a.fits.reduce((t, f, i) => t + f.observations * logs[i]!, 0) / n);
}

/** The key that names a held-out observation: its date, area (empty for England) and measure. */
export function observationKey(o: Observation): string {
  return `${o.date}|${o.area ?? ""}|${o.metric}`;
}

/** Two forecasts' interval scores on the same held-out observations, summed up every way a reader may weigh them. */
export interface WisComparison {
  /** The geometric mean over measures of a's ÷ b's mean WIS, each measure weighted by its held-out observations, so every observation counts once: the verdict. */
  readonly byObservation: number;
  /** The same with each measure weighing the same, however few its observations. */
  readonly byMeasure: number;
  /** Held-out observations on which `a` scores lower, higher, and the same as `b`; `unscored`: either score is NaN (nothing to measure that week). */
  readonly better: number;
  readonly worse: number;
  readonly ties: number;
  readonly unscored: number;
  /** Measures scored, and how many of them rest on a single held-out observation. */
  readonly measures: number;
  readonly measuresObservedOnce: number;
}

/** How forecast `a` compares with `b` on the same held-out observations, row by row (both scored from the same observations, so in the same order). */
export function compareWis(a: HoldoutScore, b: HoldoutScore): WisComparison {
  if (a.rows.length !== b.rows.length) throw new RangeError(`the forecasts score ${a.rows.length} and ${b.rows.length} held-out observations`);
  let better = 0, worse = 0, ties = 0, unscored = 0;
  a.rows.forEach((r, i) => {
    const o = b.rows[i]!;
    if (observationKey(r) !== observationKey(o)) throw new RangeError(`held-out observation ${i + 1} is ${observationKey(r)} in one forecast and ${observationKey(o)} in the other`);
    if (Number.isNaN(r.wis) || Number.isNaN(o.wis)) unscored++;
    else if (r.wis < o.wis) better++;
    else if (r.wis > o.wis) worse++;
    else ties++;
  });
  return {
    byObservation: relativeWis(a, b, "observation"), byMeasure: relativeWis(a, b), better, worse, ties, unscored,
    measures: a.fits.length, measuresObservedOnce: a.fits.filter((f) => f.observations === 1).length,
  };
}
