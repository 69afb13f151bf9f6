import type { Command } from "commander";
import type { Scenario } from "../../model/index.js";
import { compareScenarios, runPlan, withHorizon, withoutMoved } from "../../experiment/index.js";
import { comparisonCsv, comparisonHtml, comparisonSheets, comparisonText } from "../../report/index.js";
import { withOutputs } from "../outputs.js";
import { writeWorkbook, XLSX_OPTION } from "../workbook-output.js";
import type { Io } from "../context.js";
import { executorFor } from "../executor-for.js";
import { withRunOptions, type RunFlags } from "../run-options.js";
import { precisionNote, precisionRule, withPrecisionOptions, type PrecisionFlags } from "../precision-options.js";
import { loadScenario } from "../scenario-loader.js";
import { collectSetting, leversOf, SET_OPTION, type Setting } from "../set-option.js";
import { UserError } from "../user-error.js";
import { posteriorPlan } from "../posterior-option.js";

interface CompareOptions extends PrecisionFlags, RunFlags { html?: string; xlsx?: string; out?: string; json?: boolean; set?: Setting[] }

/** `hubsim compare A.json B.json [C.json…]`: scenarios on common random numbers, paired differences against the first. */
export function compareCommand(program: Command, io: Io): void {
  const command = program
    .command("compare")
    .description("compare scenarios on common random numbers: means and paired differences from the first, with 95% CIs")
    .argument("<scenarios...>", "two or more scenario files; the first is the reference (and gives the default --reps and --seed)");
  withRunOptions(command, 2)
    .option(SET_OPTION[0], "set a scenario field in every scenario compared (repeatable), e.g. national.demand.multiplier=1.1", collectSetting, [])
    .option("--out <dir>", "write comparison.csv and comparison.json here")
    .option("--json", "print the comparison as JSON")
    .option("--html <file>", "write the comparison as a self-contained HTML page")
    .option(...XLSX_OPTION);
  withPrecisionOptions(command).action((files: string[], options: CompareOptions) => withOutputs(options, async (outputs) => {
    if (files.length < 2) throw new UserError("compare needs at least two scenario files");
    const loaded = files.map((f) => withHorizon(loadScenario(f, undefined, options.set), options.weeks));
    const scenarios = distinctNames(loaded, files);
    // Every arm draws the same parameter set for the same replication (common parameter draws), so each must declare the posterior's priors.
    // A field an arm sets otherwise than the first is that arm's lever: it is dropped from the draws (for every arm).
    const declared = scenarios.map((s, i) => posteriorPlan(options.posterior, s, files[i]!, leversOf(options.set)))[0]!.posterior;
    const posterior = declared === undefined ? undefined : scenarios.reduce((d, s) => withoutMoved(d, s, scenarios[0]!), declared);
    const plan = runPlan(scenarios[0]!, { replications: options.reps, seed: options.seed, posterior });
    const rule = precisionRule(options, options.reps);
    const executor = executorFor(options.workers, rule?.maxReplications ?? plan.replications, io);
    try {
      const comparison = await compareScenarios(scenarios, plan, executor, rule);
      io.out(options.json ? JSON.stringify(comparison, null, 2) : comparisonText(comparison));
      if (rule !== undefined) io.err(precisionNote(rule, comparison.replications, comparison.precisionMet === true));
      if (outputs.dir !== undefined) outputs.dir.write({ "comparison.csv": comparisonCsv(comparison), "comparison.json": JSON.stringify(comparison, null, 2) + "\n" });
      if (outputs.html !== undefined) io.err(`wrote ${outputs.html.write(comparisonHtml(comparison))}`);
      await writeWorkbook(outputs, () => comparisonSheets(comparison, scenarios), io);
    } finally {
      await executor.close();
    }
  }));
}

/** Scenarios that share a name are labelled by their file as well, so the columns can be told apart. */
function distinctNames(scenarios: readonly Scenario[], files: readonly string[]): Scenario[] {
  const names = scenarios.map((s) => s.name);
  return scenarios.map((s, i) => (names.indexOf(s.name) === names.lastIndexOf(s.name) ? s : { ...s, name: `${s.name} (${files[i]!})` }));
}
