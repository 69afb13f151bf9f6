import type { SweepResult } from "../experiment/index.js";
import { sweepCsv, sweepHtml, sweepText } from "../report/index.js";
import type { Io } from "./context.js";
import type { Outputs } from "./outputs.js";

/** Prints a finished sweep and, with --out, writes sweep.csv, sweep.json and (when there is one) run.json. */
export function reportSweep(result: SweepResult, options: { json?: boolean }, outputs: Outputs, io: Io, record?: object): void {
  io.out(options.json ? JSON.stringify(result, null, 2) : sweepText(result));
  if (outputs.dir !== undefined) {
    outputs.dir.write({ "sweep.csv": sweepCsv(result), "sweep.json": JSON.stringify(result, null, 2) + "\n", ...(record === undefined ? {} : { "run.json": JSON.stringify(record, null, 2) + "\n" }) });
  }
  if (outputs.html !== undefined) io.err(`wrote ${outputs.html.write(sweepHtml(result))}`);
}
