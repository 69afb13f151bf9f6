import { AREA_TABLE_COLUMNS, areaTable, type Scenario } from "../model/index.js";
import { csvText } from "./csv-line.js";

/** The scenario's per-area table as CSV, the columns `hubsim scenario from-areas` reads. */
export function areaTableCsv(scenario: Scenario): string {
  const rows = areaTable(scenario).map((row) => AREA_TABLE_COLUMNS.map((c) => (typeof row[c] === "number" ? String(row[c]) : csvText(String(row[c])))).join(","));
  return [AREA_TABLE_COLUMNS.join(","), ...rows].join("\n") + "\n";
}
