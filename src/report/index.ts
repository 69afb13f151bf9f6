export { textTable, type Align } from "./text-table.js";
export { selfCheckReport } from "./self-check-report.js";
