import type { Command } from "commander";
import { DEFAULT_PRECISION_METRICS, type PrecisionRule } from "../experiment/index.js";
import { SCALAR_METRICS, type ScalarMetric } from "../model/index.js";
import { integerIn } from "./options.js";
import { UserError } from "./user-error.js";

/** The precision flags as commander parses them. */
export interface PrecisionFlags { precision?: number; precisionMetrics?: string; maxReps: number }

/** Adds --precision, --precision-metrics and --max-reps to a command. */
export function withPrecisionOptions(command: Command): Command {
  return command
    .option("--precision <rel>", "add replications until each metric's 95% CI half-width is within rel × its mean (e.g. 0.05)", (v: string) => {
      const x = Number(v);
      if (!(x > 0 && x < 1)) throw new UserError(`--precision: expected a number between 0 and 1, got "${v}"`);
      return x;
    })
    .option("--precision-metrics <a,b>", `national measures to judge precision on (default ${DEFAULT_PRECISION_METRICS.join(",")})`)
    .option("--max-reps <n>", "the most replications --precision may run", integerIn(2, 100_000), 1000);
}

/**
 * The precision rule the flags ask for, if any. With --precision, --reps is the first batch: one above
 * --max-reps would be cut to it without a word, so it is refused.
 */
export function precisionRule(flags: PrecisionFlags, reps?: number): PrecisionRule | undefined {
  if (flags.precision === undefined) return undefined;
  if (reps !== undefined && reps > flags.maxReps) throw new UserError(`--reps ${reps} is above --max-reps ${flags.maxReps}: with --precision, --reps is the first batch and --max-reps the most it may grow to; raise --max-reps or lower --reps`);
  const metrics = flags.precisionMetrics === undefined ? DEFAULT_PRECISION_METRICS : flags.precisionMetrics.split(",").map((m) => m.trim());
  const unknown = metrics.filter((m) => !(SCALAR_METRICS as readonly string[]).includes(m));
  if (unknown.length > 0) throw new UserError(`--precision-metrics: unknown ${unknown.join(", ")} (choose from ${SCALAR_METRICS.join(", ")})`);
  return { target: flags.precision, metrics: metrics as ScalarMetric[], maxReplications: flags.maxReps };
}

/** One line saying how many replications the precision rule took. */
export function precisionNote(rule: PrecisionRule, replications: number, met: boolean): string {
  const what = `${(rule.target * 100).toFixed(1).replace(/\.0$/, "")}% on ${rule.metrics.join(", ")}`;
  return met ? `precision ${what}: reached with ${replications} replications` : `precision ${what}: NOT reached by the cap of ${replications} replications (raise --max-reps)`;
}
