export { textTable, type Align } from "./text-table.js";
export { selfCheckReport } from "./self-check-report.js";
export { band, fmt } from "./number-format.js";
export { forecastText } from "./forecast-text.js";
export { weeklyCsv } from "./weekly-csv.js";
export { comparisonCsv, comparisonText } from "./comparison-text.js";
export { recommendation, sweepCsv, sweepText } from "./sweep-text.js";
export { backtestCsv, backtestText } from "./backtest-text.js";
