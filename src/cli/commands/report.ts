import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import type { Backtest, ForecastSummary } from "../../experiment/index.js";
import { htmlReport, parseWeeklyCsv, type ReportInput } from "../../report/index.js";
import { writeHtml } from "../html-output.js";
import type { Io } from "../context.js";
import { readJson } from "../scenario-loader.js";
import { UserError } from "../user-error.js";

function weeklyOf(file: string): ReportInput["weekly"] {
  try {
    return parseWeeklyCsv(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UserError(`${file}: ${(error as Error).message}`);
  }
}

/** `hubsim report RUN_DIR --html report.html`: the HTML report of a run directory written by `hubsim run --out`. */
export function reportCommand(program: Command, io: Io): void {
  program
    .command("report")
    .description("write a self-contained HTML report of a run directory (weekly.csv, summary.json, run.json; backtest.json if present)")
    .argument("<run-dir>", "a directory written by `hubsim run --out`")
    .requiredOption("--html <file>", "where to write the report")
    .action((dir: string, options: { html: string }) => {
      const need = ["weekly.csv", "summary.json", "run.json"].filter((f) => !existsSync(join(dir, f)));
      if (need.length > 0) throw new UserError(`${dir} is not a hubsim run directory: missing ${need.join(", ")}`);
      const backtestFile = join(dir, "backtest.json");
      const input: ReportInput = {
        summary: readJson(join(dir, "summary.json")) as ForecastSummary,
        weekly: weeklyOf(join(dir, "weekly.csv")),
        record: readJson(join(dir, "run.json")) as ReportInput["record"],
        ...(existsSync(backtestFile) ? { backtest: readJson(backtestFile) as Backtest } : {}),
      };
      io.err(`wrote ${writeHtml(options.html, htmlReport(input))}`);
    });
}
