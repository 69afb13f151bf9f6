import type { Command } from "commander";
import { withoutMoved, compareScenarios } from "../../experiment/index.js";
import { comparisonCsv, comparisonHtml, comparisonText } from "../../report/index.js";
import { writeFilesAtomically } from "../atomic-write.js";
import type { Io } from "../context.js";
import { executorFor } from "../executor-for.js";
import { writeHtml } from "../html-output.js";
import { withRunOptions, type RunFlags } from "../run-options.js";
import { precisionNote, precisionRule, withPrecisionOptions, type PrecisionFlags } from "../precision-options.js";
import { loadScenario } from "../scenario-loader.js";
import { UserError } from "../user-error.js";
import { posteriorPlan } from "../posterior-option.js";

interface CompareOptions extends PrecisionFlags, RunFlags { html?: string; out?: string; json?: boolean }

/** `hubsim compare A.json B.json [C.json…]`: scenarios on common random numbers, paired differences against the first. */
export function compareCommand(program: Command, io: Io): void {
  const command = program
    .command("compare")
    .description("compare scenarios on common random numbers: means and paired differences from the first, with 95% CIs")
    .argument("<scenarios...>", "two or more scenario files; the first is the reference (and gives the default --reps and --seed)");
  withRunOptions(command, 2)
    .option("--out <dir>", "write comparison.csv and comparison.json here")
    .option("--json", "print the comparison as JSON")
    .option("--html <file>", "write the comparison as a self-contained HTML page");
  withPrecisionOptions(command).action(async (files: string[], options: CompareOptions) => {
    if (files.length < 2) throw new UserError("compare needs at least two scenario files");
    const scenarios = files.map((f) => loadScenario(f)).map((s) => (options.weeks === undefined ? s : { ...s, horizonWeeks: options.weeks }));
    // Every arm draws the same parameter set for the same replication (common parameter draws), so each must declare the posterior's priors.
    // A field an arm sets otherwise than the first is that arm's lever: it is dropped from the draws (for every arm).
    const declared = scenarios.map((s, i) => posteriorPlan(options.posterior, s, files[i]!))[0]!.posterior;
    const posterior = declared === undefined ? {} : { posterior: scenarios.reduce((d, s) => withoutMoved(d, s, scenarios[0]!), declared) };
    const plan = { replications: options.reps ?? scenarios[0]!.run.replications, seed: options.seed ?? scenarios[0]!.run.seed, ...posterior };
    const rule = precisionRule(options);
    const executor = executorFor(options.workers, rule?.maxReplications ?? plan.replications);
    try {
      const comparison = await compareScenarios(scenarios, plan, executor, rule);
      io.out(options.json ? JSON.stringify(comparison, null, 2) : comparisonText(comparison));
      if (rule !== undefined) io.err(precisionNote(rule, comparison.replications, comparison.precisionMet === true));
      if (options.html !== undefined) io.err(`wrote ${writeHtml(options.html, comparisonHtml(comparison))}`);
      if (options.out !== undefined) {
        writeFilesAtomically(options.out, { "comparison.csv": comparisonCsv(comparison), "comparison.json": JSON.stringify(comparison, null, 2) + "\n" });
      }
    } finally {
      await executor.close();
    }
  });
}
