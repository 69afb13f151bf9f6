import { readFileSync } from "node:fs";
import { splitCsvLine } from "../report/index.js";
import { UserError } from "./user-error.js";

const COLUMNS = ["area", "kind", "tier", "weeks_open", "status", "weeks_in_hub"] as const;

/**
 * Reads `--initial cases.csv` (header: area,kind,tier,weeks_open,status,weeks_in_hub; one row
 * per open case) into plain objects for the scenario schema to validate. Quoted fields may
 * contain commas.
 */
export function readInitialCases(path: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UserError(`cannot read ${path}`);
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = splitCsvLine(lines[0] ?? "").map((h) => h.trim());
  const missing = COLUMNS.filter((c) => c !== "weeks_in_hub" && !header.includes(c));
  if (missing.length > 0) throw new UserError(`${path}: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (expected ${COLUMNS.join(",")})`);
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    const get = (c: string): string | undefined => cells[header.indexOf(c)]?.trim();
    const num = (c: string): number | string | undefined => {
      const v = get(c);
      return v === undefined || v === "" ? undefined : Number.isFinite(Number(v)) ? Number(v) : v;
    };
    const row: Record<string, unknown> = { area: get("area"), kind: get("kind"), tier: num("tier"), weeksOpen: num("weeks_open"), status: get("status") };
    const inHub = num("weeks_in_hub");
    if (inHub !== undefined) row.weeksInHub = inHub;
    return row;
  });
}
