import { valueAt } from "../../experiment/index.js";
import { AREA_TABLE_COLUMNS, areaTable, fieldMeta, REPORTED_FIELDS, type AreaTableColumn, type Scenario } from "../../model/index.js";
import type { CellFormat, SheetCell, SheetData } from "./sheet.js";

const AREA_FORMATS: Readonly<Record<AreaTableColumn, CellFormat>> = {
  area: "text", private_per_week: "number", public_per_week: "number", long_term_fte: "number", short_term_fte: "number",
  open_public: "count", open_wtfh: "count", open_further_work: "count", awaiting_allocation: "count", in_hub: "count", protocol_state: "text",
};

/** The scenario's per-area table (what `hubsim scenario from-areas` reads back), one row per area. */
export function areasSheet(scenario: Scenario): SheetData {
  return {
    name: "Areas",
    columns: AREA_TABLE_COLUMNS.map((c) => ({ header: c, format: AREA_FORMATS[c] })),
    rows: areaTable(scenario).map((row) => AREA_TABLE_COLUMNS.map((c) => row[c])),
  };
}

/** The scenario's main parameters, one column of values per scenario, each with its field path and source. */
export function parametersSheet(scenarios: readonly Scenario[]): SheetData {
  const value = (s: Scenario, path: string): SheetCell => {
    const v = valueAt(s, path);
    return typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : v === undefined ? null : JSON.stringify(v);
  };
  return {
    name: "Parameters",
    columns: [{ header: "parameter", format: "text", width: 50 }, { header: "field", format: "text" }, ...scenarios.map((s) => ({ header: s.name, format: "number" as const })), { header: "source (calibration.md; [A] = assumption)", format: "text" }],
    rows: REPORTED_FIELDS.map((path) => [fieldMeta(path).label, path, ...scenarios.map((s) => value(s, path)), fieldMeta(path).source]),
  };
}

/** How a measure is shown, from its name: waits in weeks, pct_ measures as percentages, counts and others as numbers. */
export function metricFormat(metric: string): CellFormat {
  if (metric.includes("weeks") && !metric.includes("case_weeks") && !metric.includes("over_")) return "weeks";
  if (metric.startsWith("pct_") || metric.endsWith("_pct")) return "pct";
  return "number";
}
