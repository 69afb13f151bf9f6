import { workbookOf, type SheetData } from "../report/index.js";
import type { Io } from "./context.js";
import type { Outputs } from "./outputs.js";

/** The --xlsx option: one workbook of the command's results. */
export const XLSX_OPTION = ["--xlsx <file>", "write the results as one Excel workbook (Summary, data sheets, Areas, Parameters) here"] as const;

/** Writes the sheets to --xlsx (atomically, like every output) when it was asked for; the sheets are built only then. */
export async function writeWorkbook(outputs: Outputs, sheets: () => readonly SheetData[], io: Io): Promise<void> {
  if (outputs.xlsx === undefined) return;
  const buffer = await (await workbookOf(sheets())).xlsx.writeBuffer();
  io.err(`wrote ${outputs.xlsx.write(new Uint8Array(buffer as ArrayBuffer))}`);
}
