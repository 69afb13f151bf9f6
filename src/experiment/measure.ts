import {
  addDays, daysBetween, SCALAR_METRICS, scalarOffset, WEEKLY_METRICS, weeklyOffset,
  type ReplicationResult, type ResultShape, type ScalarMetric, type WeeklyMetric,
} from "../model/index.js";
import { parseAreaList } from "./appraisal/area-list.js";

/** A measure addressed as `MEASURE[@AREA][@DATE]`: which number, where, and (for weekly measures) over which weeks. */
export interface Measure {
  /** The address written back in full, e.g. "hub_backlog@A15 London@2027-01-04..2027-12-27" (England is left out). */
  readonly text: string;
  readonly kind: "scalar" | "weekly";
  readonly metric: ScalarMetric | WeeklyMetric;
  /** Area name, or "England". */
  readonly area: string;
  /** Row of the result arrays: the area's index, or the number of areas for England. */
  readonly row: number;
  /** Weekly measures: the first and last reporting week (0-based, inclusive) the measure covers. */
  readonly weeks?: readonly [number, number];
}

/** What a measure is read against: the result shape and the scenario's start date. */
export interface MeasureFrame {
  readonly shape: ResultShape;
  readonly startDate: string;
}

/** A measure that cannot be read, with the reason naming what is allowed. */
export class MeasureError extends Error {
  override readonly name = "MeasureError";
}

const DATE = /^(\d{4})(-\d{2})?(-\d{2})?$/;

/**
 * Reads `MEASURE[@AREA][@DATE]`. MEASURE is any scalar metric of summary.json (whole run) or any
 * weekly metric; "_weeks" may be left off ("hub_wait_mean"). AREA is an area's name or code
 * ("A15"), or England (the default). DATE picks weeks of a weekly metric: a day (its week),
 * "YYYY-MM" or "YYYY" (every week of it within the horizon) or "FROM..TO"; a weekly metric without
 * a date covers the whole horizon. Throws MeasureError naming the allowed measures, areas or dates.
 */
export function parseMeasure(text: string, frame: MeasureFrame): Measure {
  const parts = text.split("@").map((p) => p.trim());
  const name = parts[0] ?? "";
  if (parts.length > 3 || name === "") throw new MeasureError(`"${text}" is not a measure: write MEASURE, MEASURE@AREA, MEASURE@DATE or MEASURE@AREA@DATE`);
  const last = parts.length > 1 && isDatePart(parts.at(-1)!) ? parts.at(-1) : undefined;
  const areaText = parts.length === 3 ? parts[1]! : parts.length === 2 && last === undefined ? parts[1]! : undefined;
  if (parts.length === 3 && last === undefined) throw new MeasureError(`"${parts[2]}" in "${text}" is not a date: write YYYY-MM-DD, YYYY-MM, YYYY or FROM..TO`);
  const { row, area } = resolveArea(areaText, frame.shape);
  const scalar = resolveName(name, SCALAR_METRICS), weekly = resolveName(name, WEEKLY_METRICS);
  const where = area === "England" ? "" : `@${area}`;
  if (last === undefined && scalar !== undefined) return { text: `${scalar}${where}`, kind: "scalar", metric: scalar, area, row };
  if (weekly === undefined) {
    if (scalar !== undefined) throw new MeasureError(`${scalar} is a whole-run measure: a date applies only to the weekly measures (${WEEKLY_METRICS.join(", ")})`);
    throw new MeasureError(`unknown measure "${name}": the measures are ${[...new Set([...SCALAR_METRICS, ...WEEKLY_METRICS])].join(", ")}`);
  }
  const weeks = last === undefined ? ([0, frame.shape.weeks - 1] as const) : weeksOf(last, frame);
  const [from, to] = weeks;
  const span = from === to ? addDays(frame.startDate, 7 * from) : `${addDays(frame.startDate, 7 * from)}..${addDays(frame.startDate, 7 * to)}`;
  return { text: `${weekly}${where}@${span}`, kind: "weekly", metric: weekly, area, row, weeks };
}

function isDatePart(part: string): boolean {
  return part.split("..").every((p) => DATE.test(p.trim()));
}

function resolveName<T extends string>(name: string, names: readonly T[]): T | undefined {
  return names.find((n) => n === name || n === `${name}_weeks`);
}

function resolveArea(text: string | undefined, shape: ResultShape): { row: number; area: string } {
  if (text === undefined || /^england$/i.test(text)) return { row: shape.areas.length, area: "England" };
  const { areas, problems } = parseAreaList(text, shape.areas);
  if (areas.length !== 1 || problems.length > 0) throw new MeasureError(`unknown area "${text}": the areas are England, ${shape.areas.join("; ")} (or their codes, such as ${shape.areas[0]?.split(" ")[0] ?? "A1"})`);
  return { row: shape.areas.indexOf(areas[0]!), area: areas[0]! };
}

/** The reporting weeks (0-based, inclusive) a date part covers, clipped to the horizon; throws when none is inside it. */
function weeksOf(part: string, frame: MeasureFrame): readonly [number, number] {
  const [a, b = a] = part.split("..").map((p) => p.trim()) as [string, string?];
  const first = firstDay(a), lastDay = lastDayOf(b!);
  if (lastDay < first) throw new MeasureError(`"${part}": the range ends before it starts`);
  const week = (date: string): number => Math.floor(daysBetween(frame.startDate, date) / 7);
  const from = Math.max(0, week(first)), to = Math.min(frame.shape.weeks - 1, week(lastDay));
  if (to < from || to < 0 || from > frame.shape.weeks - 1) {
    throw new MeasureError(`"${part}" is outside the horizon: ${frame.startDate} to ${addDays(frame.startDate, 7 * frame.shape.weeks - 1)}`);
  }
  return [from, to];
}

function firstDay(part: string): string {
  const m = DATE.exec(part)!;
  return `${m[1]}${m[2] ?? "-01"}${m[3] ?? "-01"}`;
}

function lastDayOf(part: string): string {
  const m = DATE.exec(part)!;
  if (m[3] !== undefined) return part;
  if (m[2] !== undefined) {
    const [y, mo] = [Number(m[1]), Number(m[2]!.slice(1))];
    return new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
  }
  return `${m[1]}-12-31`;
}

/**
 * A measure's value in one replication. A weekly measure over several weeks is summarised by
 * `over`: "max" or "min" (a target must hold in every week), or "mean" (an objective). An
 * undefined value (a wait when nobody waited) reads as 0.
 */
export function measureValue(m: Measure, r: ReplicationResult, shape: ResultShape, over: "max" | "min" | "mean"): number {
  if (m.kind === "scalar") {
    const v = r.scalars[scalarOffset(m.row, SCALAR_METRICS.indexOf(m.metric as ScalarMetric))]!;
    return Number.isNaN(v) ? 0 : v;
  }
  const k = WEEKLY_METRICS.indexOf(m.metric as WeeklyMetric), [from, to] = m.weeks!;
  let acc = over === "max" ? -Infinity : over === "min" ? Infinity : 0;
  for (let w = from; w <= to; w++) {
    const raw = r.weekly[weeklyOffset(shape, w, m.row, k)]!, v = Number.isNaN(raw) ? 0 : raw;
    acc = over === "max" ? Math.max(acc, v) : over === "min" ? Math.min(acc, v) : acc + v;
  }
  return over === "mean" ? acc / (to - from + 1) : acc;
}

/**
 * Splits a comma-separated list of measure addresses, where an area name may itself contain commas
 * ("A2 Durham, Teesside, …"): a new address starts at each piece that begins with a measure's name.
 */
export function splitMeasures(text: string): string[] {
  const names = [...SCALAR_METRICS, ...WEEKLY_METRICS].flatMap((n) => [n, n.replace(/_weeks$/, "")]);
  const starts = (piece: string): boolean => names.some((n) => piece === n || piece.startsWith(`${n}@`));
  const out: string[] = [];
  for (const piece of text.split(",")) {
    if (out.length === 0 || starts(piece.trim())) out.push(piece.trim());
    else out[out.length - 1] += `,${piece}`;
  }
  return out;
}
