// Loaded only when the TUI opens: ink and React cost every other command start-up time and memory.
import { existsSync, readdirSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import chalk from "chalk";
import { render } from "ink";
import { declaredDraws, DEFAULT_APPRAISAL_YEARS, liveAppraisal, liveForecast, seek, withoutFields, withoutMoved, type RunPlan } from "../experiment/index.js";
import { posteriorPlan } from "./posterior-option.js";
import { issuesText, parseScenario, type Scenario } from "../model/index.js";
import { App, type Appraiser, type CatalogEntry, type ForecastRunner, type Seeker } from "../tui/index.js";
import { writeFileAtomically } from "./output-set.js";
import type { Io } from "./context.js";
import { packageInfo } from "./package-info.js";
import { loadScenario } from "./scenario-loader.js";
import { UserError } from "./user-error.js";
import { workerPool, type WorkerPool } from "./worker-pool.js";

/** Opens the TUI on a scenario and resolves when the user quits; the runs go to worker threads. */
export async function openTui(file: string, workers: number, io: Io, posteriorFile?: string): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UserError("hubsim tui needs an interactive terminal (use hubsim run for a plain-text forecast)");
  if (!(workers >= 1)) throw new UserError(`--workers ${workers}: expected a whole number of at least 1`);
  // Always worker threads, even one: a replication run here would freeze the keyboard. Started
  // first, so the workers warm up while the scenarios load and the screen is first drawn.
  const pool = workerPool(Math.max(1, workers), { warmUp: true });
  try {
    await runTui(file, io, posteriorFile, pool);
  } finally {
    await pool.close();
  }
}

/** The TUI itself, on a pool its caller owns. */
async function runTui(file: string, io: Io, posteriorFile: string | undefined, pool: WorkerPool): Promise<void> {
  const initial: CatalogEntry = { file: displayPath(file), scenario: loadScenario(file) };
  const catalog = scenarioCatalog(io, initial);
  // With --posterior, every scenario that declares the posterior's priors draws them per replication (its bands then say so).
  const draws = posteriorPlan(posteriorFile, initial.scenario, file).posterior;
  // An edited field the posterior fits is the user's lever: it is left out of the draws, or the edit would move nothing.
  const withDraws = (scenario: Scenario, plan: RunPlan): RunPlan => {
    const declared = draws === undefined ? undefined : declaredDraws(draws, scenario.priors);
    return declared === undefined || typeof declared === "string" ? plan : { ...plan, posterior: withoutMoved(declared, scenario, initial.scenario) };
  };
  const runner: ForecastRunner = (scenario, plan, signal) => liveForecast(scenario, withDraws(scenario, plan), pool, signal);
  const appraiser: Appraiser = (scenario, plan, signal, intervention) => liveAppraisal(scenario, withDraws(scenario, plan), pool, signal, { interventions: [intervention], appraisalYears: DEFAULT_APPRAISAL_YEARS });
  const seeker: Seeker = (base, spec, plan, signal) => seek(base, spec, draws === undefined ? plan : { ...plan, posterior: withoutFields(draws, [spec.path], "the search") }, pool, signal);
  // NO_COLOR (no-color.org): present and not empty means no colour.
  const colour = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "" ? 0 : chalk.level === 0 ? 1 : chalk.level;
  const app = render(<App runner={runner} appraiser={appraiser} seeker={seeker} catalog={catalog} initial={initial} save={saveScenario} clock={() => performance.now()} colour={colour} />, { exitOnCtrlC: true });
  await app.waitUntilExit();
}

/** Every valid scenarios/*.json of the package, plus the opened file; the ones that fail to load are reported and skipped. */
function scenarioCatalog(io: Io, initial: CatalogEntry): CatalogEntry[] {
  const dir = join(packageInfo().root, "scenarios");
  const entries: CatalogEntry[] = [];
  // Calibrations (posterior-*.json) sit beside the scenarios they serve but are not scenarios.
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json") && n !== "scenario.schema.json" && !n.startsWith("posterior")).sort()) {
    const path = join(dir, name);
    try {
      entries.push({ file: displayPath(path), scenario: loadScenario(path) });
    } catch (error) {
      io.err(`hubsim tui: skipping ${name}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  return entries.some((e) => e.file === initial.file) ? entries.map((e) => (e.file === initial.file ? initial : e)) : [initial, ...entries];
}

const displayPath = (path: string): string => {
  const rel = relative(process.cwd(), resolve(path));
  return rel.startsWith("..") ? resolve(path) : rel;
};

/** Saves an edited scenario to a new file: validated again, named after the file, never over an existing one. */
async function saveScenario(file: string, scenario: Scenario): Promise<string> {
  if (!file.endsWith(".json")) throw new Error(`${file}: the file name must end in .json`);
  const path = resolve(file);
  if (existsSync(path)) throw new Error(`${file} already exists; choose a new name`);
  const { extends: _merged, ...rest } = scenario;
  const data = { ...rest, name: basename(file, ".json") };
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(issuesText(parsed.issues, { limit: 1 }));
  writeFileAtomically(path, JSON.stringify(data, null, 2) + "\n");
  return `Saved ${displayPath(path)}`;
}
