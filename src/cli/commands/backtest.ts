import { join } from "node:path";
import type { Command } from "commander";
import { backtest, COVID_2020_OBSERVATIONS, runForecast } from "../../experiment/index.js";
import { backtestCsv, backtestText } from "../../report/index.js";
import { writeFilesAtomically } from "../atomic-write.js";
import type { Io } from "../context.js";
import { executorFor } from "../executor-for.js";
import { packageInfo } from "../package-info.js";
import { withRunOptions, type RunFlags } from "../run-options.js";
import { loadScenario } from "../scenario-loader.js";
import { reportForecast } from "./run.js";

/** `hubsim backtest`: the covid-2020 scenario against the observed 2020–2025 series, with MAPE and 90%-band coverage. */
export function backtestCommand(program: Command, io: Io): void {
  const command = program
    .command("backtest")
    .description("run scenarios/covid-2020.json and set it against the observed 2020–2025 series (MAPE, 90%-band coverage)");
  withRunOptions(command, 2)
    .option("--out <dir>", "write backtest.csv and backtest.json here")
    .option("--json", "print the back-test as JSON")
    .option("--html <file>", "write the HTML report of the covid-2020 run with the back-test")
    .action(async (options: RunFlags & { out?: string; json?: boolean; html?: string }) => {
      const file = join(packageInfo().root, "scenarios", "covid-2020.json");
      const loaded = loadScenario(file);
      const scenario = options.weeks === undefined ? loaded : { ...loaded, horizonWeeks: options.weeks };
      const plan = { replications: options.reps ?? scenario.run.replications, seed: options.seed ?? scenario.run.seed };
      const executor = executorFor(options.workers, plan.replications);
      try {
        const started = new Date();
        const forecast = await runForecast(scenario, plan, executor);
        const result = backtest(forecast, COVID_2020_OBSERVATIONS);
        const title = `hubsim backtest: ${scenario.name} from ${scenario.startDate}, ${plan.replications} replications, seed ${plan.seed}`;
        io.out(options.json ? JSON.stringify(result, null, 2) : backtestText(result, title));
        if (options.out !== undefined) writeFilesAtomically(options.out, { "backtest.csv": backtestCsv(result), "backtest.json": JSON.stringify(result, null, 2) + "\n" });
        if (options.html !== undefined) reportForecast(forecast, file, { html: options.html }, io, started, result);
      } finally {
        await executor.close();
      }
    });
}
