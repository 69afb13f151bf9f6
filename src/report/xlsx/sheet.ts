import type ExcelJS from "exceljs";

/** How a column's numbers are shown: money, a share (0–1) as %, a percentage already ×100, weeks, counts, plain numbers, dates or text. */
export type CellFormat = "text" | "count" | "number" | "decimal2" | "gbp" | "share" | "pct" | "weeks" | "date";

/** Excel number formats, by cell format. */
const NUMBER_FORMATS: Readonly<Record<CellFormat, string | undefined>> = {
  text: undefined, count: "#,##0", number: "#,##0.0", decimal2: "#,##0.00", gbp: '"£"#,##0;-"£"#,##0', share: "0.0%", pct: '0.0"%"', weeks: '0.0" wks"', date: "yyyy-mm-dd",
};

/** One column: its header, how its cells are shown, and (optionally) its width in characters. */
export interface SheetColumn {
  readonly header: string;
  readonly format: CellFormat;
  readonly width?: number;
}

/** A number with its own format, where a column mixes kinds (a Summary's values). */
export interface FormattedNumber {
  readonly value: number;
  readonly format: CellFormat;
}

/** A cell: a number stays a number (NaN and Infinity are left blank), a date a date, text text. */
export type SheetCell = string | number | boolean | Date | FormattedNumber | null | undefined;

/** A sheet as data: named columns and rows of cells. */
export interface SheetData {
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly (readonly SheetCell[])[];
}

const isFormatted = (v: SheetCell): v is FormattedNumber => typeof v === "object" && v !== null && !(v instanceof Date);
const plain = (v: number): number | null => (Number.isFinite(v) ? v : null);
const cellValue = (v: SheetCell): ExcelJS.CellValue => (isFormatted(v) ? plain(v.value) : typeof v === "number" ? plain(v) : v ?? null);

/** A column's width: wide enough for its header and (a sample of) its cells, within reason. */
function widthOf(column: SheetColumn, index: number, rows: readonly (readonly SheetCell[])[]): number {
  if (column.width !== undefined) return column.width;
  const sample = rows.slice(0, 200).map((r) => {
    const v = r[index];
    return isFormatted(v) ? 14 : typeof v === "number" ? Math.min(14, String(Math.round(v)).length + 5) : v instanceof Date ? 10 : String(v ?? "").length;
  });
  return Math.max(8, Math.min(60, Math.max(column.header.length, ...sample) + 2));
}

/**
 * A workbook of the sheets in order: bold frozen header row, widths fitted, each column's number
 * format set. ExcelJS is loaded only now (it takes about 0.4 s), so commands that write no workbook
 * never load it.
 */
export async function workbookOf(sheets: readonly SheetData[]): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import("exceljs");
  const book = new Excel.Workbook();
  book.creator = "hubsim";
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => ({ header: c.header, width: widthOf(c, i, sheet.rows), style: NUMBER_FORMATS[c.format] === undefined ? {} : { numFmt: NUMBER_FORMATS[c.format]! } }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      const added = ws.addRow(row.map(cellValue));
      row.forEach((v, i) => {
        if (isFormatted(v) && NUMBER_FORMATS[v.format] !== undefined) added.getCell(i + 1).numFmt = NUMBER_FORMATS[v.format]!;
      });
    }
  }
  return book;
}

/** A sheet of item–value pairs (a Summary): numbers stay numbers, each shown by its own format. */
export function pairsSheet(name: string, pairs: readonly (readonly [string, SheetCell])[]): SheetData {
  return { name, columns: [{ header: "item", format: "text" }, { header: "value", format: "text", width: 44 }], rows: pairs };
}

/** A number shown with a format of its own. */
export const as = (value: number, format: CellFormat): FormattedNumber => ({ value, format });
