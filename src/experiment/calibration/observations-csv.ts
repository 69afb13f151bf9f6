import { csvParseRows } from "d3-dsv";
import { z } from "zod";
import { isoDate, WEEKLY_METRICS, type Scenario } from "../../model/index.js";
import type { Observation } from "../observations.js";

/** The columns of an observations file, in order. */
export const OBSERVATION_COLUMNS = ["date", "area", "measure", "value", "source"] as const;

/** The area name that means the whole of England (a national figure). */
export const NATIONAL_AREA = "England";

const rowSchema = z.strictObject({
  date: isoDate,
  area: z.string().min(1, "area must be an area's name or England"),
  measure: z.enum(WEEKLY_METRICS, { error: () => `measure must be one of ${WEEKLY_METRICS.join(", ")}` }),
  value: z.string().regex(/^-?\d+(\.\d+)?$/, "value must be a plain decimal number").transform(Number),
  source: z.string().min(1, "source must say where the figure comes from"),
});

/**
 * Reads a tidy observations CSV (date,area,measure,value,source; area "England" for a national
 * figure), every problem named with its line (counting blank lines), or throws a RangeError
 * listing them all.
 */
export function parseObservationsCsv(text: string, file: string): Observation[] {
  const lines = text.split(/\r?\n/);
  const problems: string[] = [];
  const headerLine = lines.findIndex((l) => l.trim() !== "");
  const header = csvParseRows(lines[headerLine] ?? "")[0]?.map((h) => h.trim()) ?? [];
  if (header.join(",") !== OBSERVATION_COLUMNS.join(",")) {
    throw new RangeError(`${file} line ${headerLine + 1}: the header must be ${OBSERVATION_COLUMNS.join(",")} (found ${header.join(",") || "nothing"})`);
  }
  const observations: Observation[] = [];
  lines.forEach((line, i) => {
    if (i <= headerLine || line.trim() === "") return;
    const cells = csvParseRows(line)[0] ?? [];
    if (cells.length !== OBSERVATION_COLUMNS.length) {
      problems.push(`${file} line ${i + 1}: expected ${OBSERVATION_COLUMNS.length} fields, found ${cells.length}`);
      return;
    }
    const parsed = rowSchema.safeParse(Object.fromEntries(OBSERVATION_COLUMNS.map((c, k) => [c, cells[k]!.trim()])));
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => `${file} line ${i + 1}: ${String(issue.path[0] ?? "row")}: ${issue.message}`));
      return;
    }
    const r = parsed.data;
    observations.push({ date: r.date, ...(r.area === NATIONAL_AREA ? {} : { area: r.area }), metric: r.measure, value: r.value, source: r.source });
  });
  if (observations.length === 0 && problems.length === 0) problems.push(`${file}: no observations after the header`);
  if (problems.length > 0) throw new RangeError(problems.join("\n"));
  return observations;
}

/** Problems with observations for a scenario: an area it does not have. */
export function observationProblems(observations: readonly Observation[], scenario: Scenario): string[] {
  const areas = new Set(scenario.areas.map((a) => a.name));
  const unknown = [...new Set(observations.flatMap((o) => (o.area !== undefined && !areas.has(o.area) ? [o.area] : [])))];
  return unknown.map((a) => `observation area "${a}" is not an area of scenario "${scenario.name}" (its areas: ${[...areas].join("; ")}; or ${NATIONAL_AREA})`);
}
