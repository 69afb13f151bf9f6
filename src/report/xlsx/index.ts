export { workbookOf, type CellFormat, type SheetData } from "./sheet.js";
export { areasSheet, parametersSheet } from "./scenario-sheets.js";
export { backtestSheets, forecastSheets } from "./forecast-workbook.js";
export { appraisalSheets, comparisonSheets, rankingSheets, sweepSheets } from "./what-if-workbooks.js";
