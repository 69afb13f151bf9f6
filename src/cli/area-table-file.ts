import { extname } from "node:path";
import { csvParseRows } from "d3-dsv";
import type ExcelJS from "exceljs";
import { AREA_TABLE_COLUMNS } from "../model/index.js";
import { readBoundedBytes, readBoundedText } from "./bounded-read.js";
import { UserError } from "./user-error.js";

/** A planner's table as read: one record of cells per row, and the line (CSV) or sheet row (.xlsx) each came from. */
export interface AreaTableFile {
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  readonly lines: readonly number[];
}

const MAX_TABLE_BYTES = 16 * 1024 * 1024;

/** Reads an area table from .csv, or from .xlsx (its sheet named Areas, else the first), checking the header names every column once. */
export async function readAreaTable(path: string): Promise<AreaTableFile> {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return csvTable(path);
  if (ext === ".xlsx") return xlsxTable(path);
  throw new UserError(`${path}: an area table must be a .csv or .xlsx file`);
}

function tableOf(path: string, header: readonly string[], body: readonly { readonly cells: readonly unknown[]; readonly line: number }[], headerLine: number): AreaTableFile {
  const names = header.map((h) => String(h ?? "").trim());
  const unknown = names.filter((n) => !(AREA_TABLE_COLUMNS as readonly string[]).includes(n));
  const missing = AREA_TABLE_COLUMNS.filter((c) => !names.includes(c));
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (unknown.length + missing.length + twice.length > 0) {
    const said = [unknown.length > 0 ? `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => JSON.stringify(n)).join(", ")}` : "",
      missing.length > 0 ? `missing ${missing.join(", ")}` : "", twice.length > 0 ? `${twice.join(", ")} given twice` : ""].filter(Boolean).join("; ");
    throw new UserError(`${path} line ${headerLine}: ${said} (expected ${AREA_TABLE_COLUMNS.join(",")})`);
  }
  return { rows: body.map((r) => Object.fromEntries(names.map((n, i) => [n, r.cells[i]]))), lines: body.map((r) => r.line) };
}

function csvTable(path: string): AreaTableFile {
  const lines = readBoundedText(path, MAX_TABLE_BYTES).replace(/^\uFEFF/, "").split(/\r?\n/);
  const rows = lines.map((line, i) => ({ cells: csvParseRows(line)[0] ?? [], line: i + 1 })).filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (rows.length === 0) throw new UserError(`${path}: empty (expected a header row of ${AREA_TABLE_COLUMNS.join(",")})`);
  return tableOf(path, rows[0]!.cells, rows.slice(1), rows[0]!.line);
}

/** A cell's value as a planner sees it: a number stays a number, a formula gives its result, anything else its text. */
function cellValue(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (typeof v === "number") return v;
  if (v !== null && typeof v === "object" && "result" in v) return v.result;
  return cell.text;
}

async function xlsxTable(path: string): Promise<AreaTableFile> {
  const { default: Excel } = await import("exceljs"); // loaded only for a workbook: it takes about 0.4 s
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(readBoundedBytes(path, MAX_TABLE_BYTES) as unknown as ExcelJS.Buffer);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${path}: not a workbook Excel could open (${(error as Error).message})`);
  }
  const sheet = book.getWorksheet("Areas") ?? book.worksheets[0];
  if (sheet === undefined) throw new UserError(`${path}: the workbook has no sheets`);
  const rows: { cells: unknown[]; line: number }[] = [];
  sheet.eachRow((row, line) => rows.push({ cells: Array.from({ length: Math.max(sheet.columnCount, AREA_TABLE_COLUMNS.length) }, (_, i) => cellValue(row.getCell(i + 1))), line }));
  const filled = rows.filter((r) => r.cells.some((c) => String(c ?? "").trim() !== ""));
  if (filled.length === 0) throw new UserError(`${path}: sheet ${sheet.name} is empty (expected a header row of ${AREA_TABLE_COLUMNS.join(",")})`);
  const width = filled[0]!.cells.findLastIndex((c) => String(c ?? "").trim() !== "") + 1;
  return tableOf(path, filled[0]!.cells.slice(0, width).map(String), filled.slice(1).map((r) => ({ ...r, cells: r.cells.slice(0, width) })), filled[0]!.line);
}
