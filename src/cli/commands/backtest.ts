import { join } from "node:path";
import type { Command } from "commander";
import { backtest, BAND_CONTENT_WORDS, compareWis, priorDraws, scoreHoldout, weeklyFan, type Forecast, CAFCASS_PLUS_PILOT_OBSERVATIONS, diversionCheck, runForecast, runReplications } from "../../experiment/index.js";
import { daysBetween, resultShape } from "../../model/index.js";
import { backtestCsv, backtestSheets, backtestText, diversionCsv, diversionText, holdoutCsv, holdoutText } from "../../report/index.js";
import { writeWorkbook, XLSX_OPTION } from "../workbook-output.js";
import { checkedCalibration, REPS_PER_SET_HELP, runCalibration } from "../calibration-run.js";
import { integerIn } from "../options.js";
import { MAX_REPLICATIONS_PER_SET, posteriorDraws } from "../posterior-file.js";
import { posteriorHtml, posteriorText } from "../posterior-output.js";
import { withOutputs } from "../outputs.js";
import type { Io } from "../context.js";
import { executorFor } from "../executor-for.js";
import { packageInfo } from "../package-info.js";
import { withRunOptions, type RunFlags } from "../run-options.js";
import { loadScenario } from "../scenario-loader.js";
import { reportForecast } from "../forecast-output.js";
import { UserError } from "../user-error.js";
import { plannedRun } from "../planned-run.js";
import { defaultObservationsFile, readObservations } from "../observations-file.js";

/** `hubsim backtest`: the covid-2020 scenario against the observed 2020–2025 series, with MAPE and 90%-band coverage. */
export function backtestCommand(program: Command, io: Io): void {
  const command = program
    .command("backtest")
    .description("run scenarios/covid-2020.json and set it against the observed 2020–2025 series (MAPE, 90%-band coverage); --pilot: the Cafcass Plus pilot's diversion counts");
  withRunOptions(command, 2)
    .option("--pilot", "run scenarios/cafcass-plus-pilot.json (100 replications unless --reps) against the pilot's observed diversion (11 of 26, 7 of 14, 4 of 12, 11 of 30, about 25% nationally)")
    .option("--out <dir>", "write backtest.csv and backtest.json here")
    .option("--json", "print the back-test as JSON")
    .option("--html <file>", "write the HTML report of the covid-2020 run with the back-test")
    .option(...XLSX_OPTION)
    .option("--fit-until <date>", "hold-out back-test: calibrate on observations up to this date, forecast the rest, and score the held-out ones beside the fixed-input forecast and the prior predictive")
    .option("--particles <n>", "with --fit-until: parameter sets per generation", integerIn(10, 100_000), 200)
    .option("--generations <n>", "with --fit-until: ABC-SMC generations", integerIn(1, 50), 5)
    .option("--reps-per-set <k>", `with --fit-until: ${REPS_PER_SET_HELP}`, integerIn(1, MAX_REPLICATIONS_PER_SET), 1)
    .option("--observations <file>", "tidy CSV of date,area,measure,value,source to score against (default: the published series in observations/)")
    .action(async (options: BacktestOptions) => {
      if (options.xlsx !== undefined && (options.pilot === true || options.fitUntil !== undefined)) throw new UserError("--xlsx is for the covid-2020 back-test; --pilot and --fit-until write CSV with --out");
      if (options.pilot === true && options.observations !== undefined) throw new UserError("--observations is for the covid-2020 back-test; --pilot scores the pilot's own diversion counts");
      if (options.pilot === true) return pilotCheck(options, io);
      if (options.fitUntil !== undefined) return holdoutBacktest(options, io);
      return withOutputs(options, async (outputs) => {
      const file = join(packageInfo().root, "scenarios", "covid-2020.json");
      const { scenario, plan } = plannedRun(loadScenario(file), file, options);
      const { observations } = readObservations(options.observations ?? defaultObservationsFile(), scenario);
      const executor = executorFor(options.workers, plan.replications, io);
      try {
        const started = new Date();
        const forecast = await runForecast(scenario, plan, executor);
        const result = backtest(forecast, observations);
        const title = `hubsim backtest: ${scenario.name} from ${scenario.startDate}, ${plan.replications} replications, seed ${plan.seed}`;
        io.out(options.json ? JSON.stringify(result, null, 2) : backtestText(result, title));
        if (outputs.dir !== undefined) outputs.dir.write({ "backtest.csv": backtestCsv(result), "backtest.json": JSON.stringify({ ...result, run: { scenario: scenario.name, seed: plan.seed, replications: plan.replications, horizonWeeks: scenario.horizonWeeks } }, null, 2) + "\n" });
        if (outputs.html !== undefined) reportForecast(forecast, file, {}, { html: outputs.html }, io, started, result);
        await writeWorkbook(outputs, () => backtestSheets(forecast, result), io);
      } finally {
        await executor.close();
      }
      });
    });
}

interface BacktestOptions extends RunFlags { out?: string; json?: boolean; html?: string; xlsx?: string; pilot?: boolean; fitUntil?: string; particles: number; generations: number; repsPerSet: number; observations?: string }

/**
 * `hubsim backtest --fit-until DATE`: calibrates covid-2020 on the observations up to DATE,
 * forecasts with and without the posterior on the same seed, and scores the held-out observations.
 */
async function holdoutBacktest(options: BacktestOptions, io: Io): Promise<void> {
  if (options.posterior !== undefined) throw new UserError("--fit-until fits its own posterior; leave out --posterior");
  return withOutputs(options, async (outputs) => {
  const file = join(packageInfo().root, "scenarios", "covid-2020.json");
  const { scenario, plan } = plannedRun(loadScenario(file), file, options, { posterior: "none" });
  const until = options.fitUntil!;
  const { observations } = checkedCalibration(scenario, file, { until, ...(options.observations === undefined ? {} : { observations: options.observations }) });
  const seed = plan.seed;
  const posterior = await runCalibration(scenario, file, {
    until, particles: options.particles, generations: options.generations, quantile: 0.5, replicationsPerSet: options.repsPerSet, seed, workers: options.workers,
    ...(options.observations === undefined ? {} : { observations: options.observations }), ...(outputs.dir === undefined ? {} : { out: outputs.dir.path, outDir: outputs.dir }),
  }, io);
  io.err(posteriorText(posterior));
  const executor = executorFor(options.workers, plan.replications, io);
  try {
    const withPosterior = await runForecast(scenario, { ...plan, posterior: posteriorDraws(posterior, `posterior fitted to ${until}`) }, executor);
    const fixed = await runForecast(scenario, plan, executor);
    const fromPriors = await runForecast(scenario, { ...plan, posterior: priorDraws(scenario.priors, PRIOR_PREDICTIVE_SETS, seed) }, executor);
    const calibrated = scoreHoldout(withPosterior, observations, until), uncalibrated = scoreHoldout(fixed, observations, until), prior = scoreHoldout(fromPriors, observations, until);
    const title = `hubsim backtest --fit-until ${until}: ${scenario.name} from ${scenario.startDate}, ${plan.replications} replications, seed ${seed}; calibrated on ${posterior.observations.used} observations (${posterior.settings.particles} particles, ${posterior.generations.length} generations)`;
    // byObservation in each comparison is the verdict (see wisVerdict).
    const scores = { calibrated, uncalibrated, prior, comparedWithFixedInputs: compareWis(calibrated, uncalibrated), comparedWithPrior: compareWis(calibrated, prior) };
    io.out(options.json === true ? JSON.stringify(scores, null, 2) : holdoutText(calibrated, uncalibrated, title, prior));
    if (outputs.dir !== undefined) outputs.dir.write({ "holdout.csv": holdoutCsv({ calibrated, uncalibrated, prior }), "holdout.json": JSON.stringify(scores, null, 2) + "\n" });
    if (outputs.html !== undefined) {
      const national = scenario.areas.length, observedOpen = observations.filter((o) => o.area === undefined && o.metric === "open_cases")
        .map((o) => [Math.floor(daysBetween(scenario.startDate, o.date) / 7) + 1, o.value] as const).filter(([w]) => w >= 1 && w <= scenario.horizonWeeks);
      const fan = (f: Forecast) => { const x = weeklyFan(f, national, "open_cases"); return { p5: [...x.p5], p25: [...x.p25], median: [...x.median], p75: [...x.p75], p95: [...x.p95] }; };
      const series = [
        { title: `Open cases, calibrated to ${until}`, yLabel: "cases", fan: fan(withPosterior), bandContent: BAND_CONTENT_WORDS[withPosterior.bandContent], observed: observedOpen },
        { title: "Open cases, fixed inputs", yLabel: "cases", fan: fan(fixed), bandContent: BAND_CONTENT_WORDS[fixed.bandContent], observed: observedOpen },
        { title: "Open cases, prior predictive", yLabel: "cases", fan: fan(fromPriors), bandContent: BAND_CONTENT_WORDS[fromPriors.bandContent], observed: observedOpen },
      ];
      io.err(`wrote ${outputs.html.write(posteriorHtml(posterior, { calibrated, uncalibrated, prior }, series))}`);
    }
  } finally {
    await executor.close();
  }
  });
}

const PILOT_REPLICATIONS = 100;

/** Parameter sets drawn from the priors for the hold-out's prior predictive, of which each replication draws one: far more than replications, so few share a set. */
const PRIOR_PREDICTIVE_SETS = 1000;

/** `hubsim backtest --pilot`: the pilot scenario's simulated diversion against the observed counts. */
async function pilotCheck(options: RunFlags & { out?: string; json?: boolean; html?: string }, io: Io): Promise<void> {
  if (options.html !== undefined) throw new UserError("--html is for the covid-2020 back-test; --pilot prints a table (and writes pilot.csv with --out)");
  return withOutputs({ out: options.out }, async (outputs) => {
  const file = join(packageInfo().root, "scenarios", "cafcass-plus-pilot.json");
  const { scenario, plan } = plannedRun(loadScenario(file), file, options, { replications: PILOT_REPLICATIONS, posterior: "none" });
  const executor = executorFor(options.workers, plan.replications, io);
  const plus: Float64Array[] = [];
  try {
    for await (const r of runReplications(scenario, plan, executor)) plus.push(r.plus);
  } finally {
    await executor.close();
  }
  const rows = diversionCheck(resultShape(scenario), plus, CAFCASS_PLUS_PILOT_OBSERVATIONS);
  const title = `hubsim backtest --pilot: ${scenario.name}, ${scenario.startDate} for ${scenario.horizonWeeks} weeks; ${plan.replications} replications, seed ${plan.seed}`;
  io.out(options.json ? JSON.stringify(rows, null, 2) : diversionText(rows, title));
  if (outputs.dir !== undefined) outputs.dir.write({ "pilot.csv": diversionCsv(rows), "pilot.json": JSON.stringify(rows, null, 2) + "\n" });
  });
}
