import { extent } from "d3-array";

/**
 * Charts in plain terminal characters: a fan chart (median line inside 50% and 90% bands) and
 * sparklines. Pure functions from numbers to strings; the TUI colours the characters.
 */

/** One weekly series with its quantile band (NaN where not known yet). */
export interface TextFan {
  readonly p5: Series;
  readonly p25: Series;
  readonly p50: Series;
  readonly p75: Series;
  readonly p95: Series;
}

/** Weekly values: an array or a typed array. */
export type Series = ArrayLike<number> & Iterable<number>;

/** The characters a fan chart is drawn with, so a renderer can colour each kind. */
export const FAN_CHARS = { median: "━", inner: "▒", outer: "░", empty: " " } as const;

const SPARKS = "▁▂▃▄▅▆▇█";

/** A number in at most 5 characters: 950, 12.3, 3.4k, 27k, 1.2M. */
export function compactNumber(x: number): string {
  if (!Number.isFinite(x)) return "–";
  const a = Math.abs(x);
  if (a >= 1e6) return `${trim(x / 1e6)}M`;
  if (a >= 1e4) return `${Math.round(x / 1e3)}k`;
  if (a >= 1e3) return `${trim(x / 1e3)}k`;
  if (a >= 100 || Number.isInteger(x)) return String(Math.round(x));
  return x.toFixed(1);
}

const trim = (x: number): string => (Math.abs(x) >= 100 ? String(Math.round(x)) : x.toFixed(1).replace(/\.0$/, ""));

/** A "nice" upper bound for an axis: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten, at least `x`. */
export function niceMax(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * p).find((m) => m >= x * (1 - 1e-12))!;
}

/** The week each of `width` columns shows when `weeks` weeks are squeezed (or stretched) into them. */
export function columnWeeks(weeks: number, width: number): number[] {
  return Array.from({ length: width }, (_, j) => Math.min(weeks - 1, Math.floor(((j + 0.5) * weeks) / width)));
}

/**
 * The value axis for a series from `lo` to `hi`: from 0 to a nice maximum, or, when every value
 * is well away from 0 (a caseload of 16 to 21), between round numbers either side of the data.
 */
export function axisRange(lo: number, hi: number): { readonly min: number; readonly max: number } {
  if (!(lo > 0.5 * hi) || !(hi > lo)) return { min: 0, max: niceMax(hi) };
  const unit = 10 ** Math.floor(Math.log10(hi - lo));
  return { min: Math.floor(lo / unit) * unit, max: Math.ceil(hi / unit) * unit };
}

/**
 * A fan chart `height` rows by `width` columns over values `min`…`max`: the 90% band in light
 * shade, the 50% band in medium shade, the median as a heavy line. Rows are returned top first.
 */
export function fanChartRows(fan: TextFan, weeks: number, width: number, height: number, max: number, min = 0): string[] {
  const grid = Array.from({ length: height }, () => Array<string>(width).fill(FAN_CHARS.empty));
  const rowOf = (v: number): number => Math.min(height - 1, Math.max(0, Math.floor(((v - min) / (max - min)) * height - 1e-9)));
  columnWeeks(weeks, width).forEach((w, j) => {
    const median = fan.p50[w]!;
    if (Number.isNaN(median)) return;
    const paint = (lo: number, hi: number, ch: string): void => {
      for (let r = rowOf(lo); r <= rowOf(hi); r++) grid[height - 1 - r]![j] = ch;
    };
    paint(fan.p5[w]!, fan.p95[w]!, FAN_CHARS.outer);
    paint(fan.p25[w]!, fan.p75[w]!, FAN_CHARS.inner);
    grid[height - 1 - rowOf(median)]![j] = FAN_CHARS.median;
  });
  return grid.map((row) => row.join(""));
}

/** A one-line sparkline of `values` (NaN shown as a space) in `width` characters, scaled min…max. */
export function sparkline(values: Series, width: number, range?: { readonly min: number; readonly max: number }): string {
  const [lo, hi] = extent(values);
  if (lo === undefined || hi === undefined) return " ".repeat(width);
  const min = range?.min ?? lo, max = range?.max ?? hi;
  return columnWeeks(values.length, width).map((w) => {
    const v = values[w]!;
    if (Number.isNaN(v)) return " ";
    const level = max > min ? Math.round(((v - min) / (max - min)) * (SPARKS.length - 1)) : 0;
    return SPARKS[Math.min(SPARKS.length - 1, Math.max(0, level))]!;
  }).join("");
}
