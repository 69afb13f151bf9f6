import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import {
  appraise, candidateAreas, DEFAULT_APPRAISAL_YEARS, declaredNames, parseAreaList, PLUS, rankAreas, rolloutProblems, sensitivity, whereOf,
  type AppraisalEvent, type AppraisalRun, type PosteriorDraws, type Ranking, type ReplicationExecutor, type Sensitivity,
} from "../../experiment/index.js";
import type { Scenario } from "../../model/index.js";
import { appraisalCsv, appraisalHtml, interventionWords, appraisalSheets, appraisalText, rankingCsv, rankingHtml, rankingSheets, rankingText, tornadoCsv, tornadoText } from "../../report/index.js";
import { writeWorkbook, XLSX_OPTION } from "../workbook-output.js";
import { withOutputs } from "../outputs.js";
import { commandRecord } from "../run-record.js";
import type { Io } from "../context.js";
import { executorFor } from "../executor-for.js";
import { packageInfo } from "../package-info.js";
import { progressBar } from "../progress-bar.js";
import { withRunOptions, type RunFlags } from "../run-options.js";
import { scenarioFrom } from "../scenario-loader.js";
import { collectSetting, leversOf, SET_OPTION, type Setting } from "../set-option.js";
import { UserError } from "../user-error.js";
import { plannedRun } from "../planned-run.js";

export interface AppraiseOptions extends RunFlags { /** Draws to use as they are (rerun of a record that holds them). */ posteriorDraws?: PosteriorDraws; /** Scenario data to appraise instead of reading the file (rerun of a record). */ recorded?: unknown; areas?: string; intervention?: string; appraisalYears?: string; rank?: boolean; sensitivity?: boolean; out?: string; json?: boolean; html?: string; xlsx?: string; set?: Setting[] }

/** The interventions named by --intervention (default Cafcass Plus), or a UserError listing the declared ones. */
function chosenInterventions(scenario: Scenario, options: AppraiseOptions): string[] {
  if (options.intervention === undefined) return [PLUS];
  const names = options.intervention.split(",").map((n) => n.trim()).filter((n) => n !== "");
  const declared = declaredNames(scenario);
  const unknown = names.filter((n) => !declared.includes(n));
  if (names.length === 0 || unknown.length > 0) throw new UserError(`--intervention: ${names.length === 0 ? "no intervention named" : unknown.map((n) => `unknown intervention "${n}"`).join("; ")}\n  declared in ${scenario.name}: ${declared.join(" | ")}`);
  if (new Set(names).size < names.length) throw new UserError(`--intervention: an intervention is listed twice in "${options.intervention}"`);
  return names;
}

/** --appraisal-years as a number of years (default 10), or a UserError. */
function appraisalYears(options: AppraiseOptions): number {
  const years = options.appraisalYears === undefined ? DEFAULT_APPRAISAL_YEARS : Number(options.appraisalYears);
  if (options.appraisalYears !== undefined && (options.appraisalYears.trim() === "" || !Number.isFinite(years) || years <= 0 || years > 20)) {
    throw new UserError(`--appraisal-years ${options.appraisalYears}: expected a number of years above 0 and at most 20`);
  }
  return years;
}

/** The default scenario: the Cafcass Plus extension when the package has it, else the baseline. */
export function defaultAppraisalScenario(): string {
  const extension = join(packageInfo().root, "scenarios", "cafcass-plus-extension.json");
  return existsSync(extension) ? extension : join(packageInfo().root, "scenarios", "baseline.json");
}

/** The roll-out areas from --areas or the scenario, or a UserError naming the option and every problem. */
function rolloutAreas(scenario: Scenario, options: AppraiseOptions, interventions: readonly string[]): string[] | undefined {
  if (options.rank && options.areas !== undefined) throw new UserError(`--rank and --areas cannot be combined: --rank appraises every area without ${interventionWords(interventions)} alone`);
  if (options.rank && options.sensitivity) throw new UserError("--rank and --sensitivity cannot be combined: run --sensitivity on the chosen areas");
  if (options.rank && candidateAreas(scenario, interventions).length === 0) throw new UserError(`--rank: every area in "${scenario.name}" is already a ${interventionWords(interventions)} site`);
  if (options.rank) return undefined;
  const names = scenario.areas.map((a) => a.name);
  const planned = [...new Set(interventions.flatMap((n) => whereOf(scenario, n).rollout.areas))];
  const parsed = options.areas === undefined ? { areas: planned, problems: [] } : parseAreaList(options.areas, names);
  const plannedAt = interventions.map((n) => (n === PLUS ? "cafcassPlus.rollout.areas" : `interventions[${n}].where.rollout.areas`)).join(" or ");
  if (options.areas === undefined && parsed.areas.length === 0) {
    throw new UserError(`--areas: scenario "${scenario.name}" has no ${plannedAt}; name the roll-out areas with --areas A,B (or rank every area with --rank)`);
  }
  const own = (n: string): readonly string[] => whereOf(scenario, n).rollout.areas;
  const problems = [...parsed.problems, ...(parsed.problems.length > 0 ? [] : options.areas === undefined
    ? interventions.flatMap((n) => (own(n).length === 0 ? [] : rolloutProblems(scenario, own(n), [n])))
    : rolloutProblems(scenario, parsed.areas, interventions))];
  const where = options.areas === undefined ? plannedAt : "--areas";
  if (problems.length > 0) throw new UserError(`${where}: ${problems.join("; ")}\n  areas in ${scenario.name}: ${names.join(" | ")}`);
  // Without --areas each intervention rolls out to its own planned areas.
  return options.areas === undefined ? undefined : parsed.areas;
}

/** Runs an appraisal generator to its result, drawing progress on the terminal. */
async function withProgress<T>(events: AsyncGenerator<AppraisalEvent<T>>, executor: ReplicationExecutor, io: Io): Promise<T> {
  const bar = progressBar(io.progress ?? (process.stderr as NodeJS.WriteStream), "replications");
  try {
    for await (const e of events) {
      if (e.kind === "progress") bar.update(e.done, e.total);
      else return e.result;
    }
    throw new Error("the appraisal ended without a result");
  } finally {
    bar.end();
    await executor.close();
  }
}

/** What each kind of appraisal prints and writes. */
function outputsOf(result: { run?: AppraisalRun; ranking?: Ranking; tornado?: Sensitivity }): { text: string; json: unknown; html: () => string; files: Record<string, string> } {
  if (result.ranking !== undefined) {
    const ranking = result.ranking;
    return { text: rankingText(ranking), json: ranking, html: () => rankingHtml(ranking), files: { "ranking.csv": rankingCsv(ranking) } };
  }
  const summary = (result.tornado?.base ?? result.run)!.summary;
  if (result.tornado === undefined) return { text: appraisalText(summary), json: summary, html: () => appraisalHtml(summary), files: { "appraisal.csv": appraisalCsv(summary) } };
  const { base: _flows, ...tornado } = result.tornado;
  return {
    text: `${appraisalText(summary)}\n\n${tornadoText(result.tornado)}`,
    json: { appraisal: summary, sensitivity: tornado },
    html: () => appraisalHtml(summary, tornado),
    files: { "appraisal.csv": appraisalCsv(summary), "sensitivity.csv": tornadoCsv(result.tornado) },
  };
}

/** `hubsim appraise [scenario] [--intervention NAMES] [--areas A,B | --rank] [--sensitivity]`: the economics of a declared intervention (Cafcass Plus by default). */
export function appraiseCommand(program: Command, io: Io): void {
  const command = program
    .command("appraise")
    .description("appraise a declared intervention (Cafcass Plus by default): roll-out vs do-nothing on common random numbers, costs and savings by payer, NPV, BCR, break-even")
    .argument("[scenario]", "scenario file (default scenarios/cafcass-plus-extension.json, else scenarios/baseline.json)")
    .option("--intervention <names>", "the declared intervention(s) to appraise together, comma-separated: cafcass-plus (default) or a name from the scenario's interventions")
    .option("--areas <list>", "roll-out areas, comma-separated names or codes (A1,A3); default: the interventions' planned roll-out areas")
    .option("--appraisal-years <years>", "years of money counted from the start, savings of cases begun within the horizon followed after it (default 10)")
    .option("--rank", "appraise each area where the intervention(s) are not yet live alone, and rank them for the next wave")
    .option("--sensitivity", "one-way sensitivity of NPV: each input alone at the ends of its range (tornado data)");
  withRunOptions(command, 2)
    .option(...SET_OPTION, collectSetting, [])
    .option("--out <dir>", "write appraisal.csv (or ranking.csv), sensitivity.csv and the JSON here")
    .option("--json", "print the result as JSON")
    .option("--html <file>", "write the appraisal (tornado chart with --sensitivity) or ranking as a self-contained HTML page")
    .option(...XLSX_OPTION)
    .action((file: string | undefined, options: AppraiseOptions) => appraiseAction(file ?? defaultAppraisalScenario(), options, io));
}

/** The appraisal itself, from its options (also used by `hubsim rerun` on an appraisal's run.json). */
export function appraiseAction(file: string, options: AppraiseOptions, io: Io, recordAs?: string): Promise<void> {
  return withOutputs(options, async (outputs) => {
    const started = new Date();
    const { scenario, plan } = plannedRun(scenarioFrom(file, options.recorded, undefined, options.set), file, options, { levers: leversOf(options.set), ...(options.posteriorDraws === undefined ? {} : { posterior: options.posteriorDraws }) });
    const interventions = chosenInterventions(scenario, options), years = appraisalYears(options);
    const areas = rolloutAreas(scenario, options, interventions);
    const executor = executorFor(options.workers, plan.replications, io);
    const result = options.rank
      ? { ranking: await withProgress(rankAreas(scenario, plan, executor, interventions, { appraisalYears: years }), executor, io) }
      : options.sensitivity
        ? { tornado: await withProgress(sensitivity(scenario, areas, plan, executor, interventions, { appraisalYears: years }), executor, io) }
        : { run: await withProgress(appraise(scenario, areas, plan, executor, undefined, interventions, { appraisalYears: years }), executor, io) };
    const out = outputsOf(result);
    io.out(options.json ? JSON.stringify(out.json, null, 2) : out.text);
    if (outputs.dir !== undefined) {
      const json = options.rank ? "ranking.json" : "appraisal.json";
      // The draws themselves (inside the record's hash), so `hubsim rerun` needs nothing else.
      const settings = { ...(plan.posterior === undefined ? {} : { posterior: plan.posterior }), ...(options.areas === undefined ? {} : { areas: options.areas }), ...(options.intervention === undefined ? {} : { intervention: options.intervention }), appraisalYears: String(years), rank: options.rank === true, sensitivity: options.sensitivity === true };
      const record = commandRecord({ kind: "appraise", scenario, scenarioFile: recordAs ?? file, replications: plan.replications, seed: plan.seed, settings, command: io.argv ?? [], started, finished: new Date() });
      const written = outputs.dir.write({ ...out.files, [json]: JSON.stringify(out.json, null, 2) + "\n", "run.json": JSON.stringify(record, null, 2) + "\n" });
      if (!options.json) io.err(`wrote ${written.join(", ")}`);
    }
    if (outputs.html !== undefined) io.err(`wrote ${outputs.html.write(out.html())}`);
    await writeWorkbook(outputs, () => (result.ranking !== undefined ? rankingSheets(result.ranking, scenario) : appraisalSheets((result.tornado?.base ?? result.run)!.summary, scenario, result.tornado)), io);
  });
}
