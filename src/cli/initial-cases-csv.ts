import { readBoundedText } from "./bounded-read.js";
import { splitCsvLine } from "../report/index.js";
import { UserError } from "./user-error.js";

const COLUMNS = ["area", "kind", "tier", "weeks_open", "status", "weeks_in_hub"] as const;
const NUMERIC = new Set(["tier", "weeks_open", "weeks_in_hub"]);
const FIELDS: Readonly<Record<string, string>> = { area: "area", kind: "kind", tier: "tier", weeks_open: "weeksOpen", status: "status", weeks_in_hub: "weeksInHub" };
/** The largest --initial file read: a million cases take about 40 MB. */
const MAX_CSV_BYTES = 256 * 1024 * 1024;

/** The open cases of `--initial cases.csv`, and the file line (1-based, blank lines counted) each came from. */
export interface InitialCases {
  readonly rows: readonly Record<string, unknown>[];
  readonly lines: readonly number[];
}

const readText = (path: string): string => readBoundedText(path, MAX_CSV_BYTES, `--initial ${path}`);

/** The header's columns, checked: every required one present, none unknown or repeated. */
function columnsOf(path: string, line: string | undefined): string[] {
  const header = splitCsvLine(line ?? "").map((h) => h.trim().replace(/^\uFEFF/, ""));
  const expected = `expected ${COLUMNS.join(",")}`;
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) throw new UserError(`${path} line 1: unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")} (${expected}; weeks_in_hub may be left out)`);
  const twice = header.filter((h, i) => header.indexOf(h) !== i);
  if (twice.length > 0) throw new UserError(`${path} line 1: column "${twice[0]}" appears twice`);
  const missing = COLUMNS.filter((c) => c !== "weeks_in_hub" && !header.includes(c));
  if (missing.length > 0) throw new UserError(`${path} line 1: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (${expected})`);
  return header;
}

/** One data line as a plain object for the schema; numbers must be plain decimals (no hex, no exponents). */
function rowOf(path: string, lineNo: number, line: string, header: readonly string[]): Record<string, unknown> {
  const cells = splitCsvLine(line).map((c) => c.trim());
  if (cells.length !== header.length) throw new UserError(`${path} line ${lineNo}: ${cells.length} value${cells.length === 1 ? "" : "s"} for ${header.length} columns`);
  const row: Record<string, unknown> = {};
  header.forEach((column, i) => {
    const v = cells[i]!;
    if (column === "weeks_in_hub" && v === "") return;
    if (!NUMERIC.has(column)) row[FIELDS[column]!] = v;
    else if (/^\d+(\.\d+)?$/.test(v)) row[FIELDS[column]!] = Number(v);
    else throw new UserError(`${path} line ${lineNo}: ${column} must be a number of the form 12 or 12.5, not ${v === "" ? "empty" : `"${v.slice(0, 20)}"`}`);
  });
  return row;
}

/**
 * Reads `--initial cases.csv` (header: area,kind,tier,weeks_open,status,weeks_in_hub; one row
 * per open case) into plain objects for the scenario schema to validate, strictly: an unknown or
 * missing column, a short row, a number that is not a plain decimal, or no cases at all is refused
 * with the line number. Quoted fields may contain commas.
 */
export function readInitialCases(path: string): InitialCases {
  const all = readText(path).split(/\r?\n/);
  const numbered = all.map((text, i) => ({ text, line: i + 1 })).filter((l) => l.text.trim() !== "");
  const header = columnsOf(path, numbered[0]?.text);
  const data = numbered.slice(1);
  if (data.length === 0) throw new UserError(`${path}: no cases after the header; an empty backlog is not today's backlog (leave out --initial to start from the scenario's own state)`);
  return { rows: data.map((l) => rowOf(path, l.line, l.text, header)), lines: data.map((l) => l.line) };
}

/** A scenario problem with an initialCases[i] path, told as the CSV line and column it came from. */
export function csvProblem(message: string, csv: string, lines: readonly number[]): string {
  return message.replace(/^initialCases\[(\d+)\]\.?(\w*)(:?)/, (_, i: string, field: string, colon: string) => {
    const column = Object.entries(FIELDS).find(([, f]) => f === field)?.[0] ?? field;
    return `${csv} line ${lines[Number(i)] ?? "?"}: ${column}${colon}`;
  });
}
