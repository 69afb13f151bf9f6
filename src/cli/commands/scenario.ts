import { dirname, extname, isAbsolute, relative, resolve } from "node:path";
import type { Command } from "commander";
import { areasFromTable, issuesText, parseScenario, type AreaInput } from "../../model/index.js";
import { areasSheet, areaTableCsv, workbookOf } from "../../report/index.js";
import { readAreaTable, type AreaTableFile } from "../area-table-file.js";
import type { Io } from "../context.js";
import { defaultScenario } from "../forecast-output.js";
import { claimOutputFile } from "../output-set.js";
import { loadScenario, loadScenarioData } from "../scenario-loader.js";
import { UserError } from "../user-error.js";

/** A path the base file gives relative to itself, restated relative to the new file (URLs and absolute paths kept). */
function rebased(value: unknown, from: string, to: string): unknown {
  if (typeof value !== "string" || isAbsolute(value) || /^[a-z]+:/i.test(value)) return value;
  return relative(dirname(resolve(to)), resolve(dirname(resolve(from)), value));
}

/** The schema's problems with the built scenario, an area's named by the table line it came from. */
function scenarioProblems(issues: readonly { readonly path: string; readonly message: string; readonly code: string }[], table: string, lines: readonly number[]): string {
  const placed = issues.map((i) => {
    const area = /^areas\[(\d+)\]/.exec(i.path);
    return area === null ? i : { ...i, message: `${table} line ${lines[Number(area[1])]!}: ${i.message}` };
  });
  return issuesText(placed, { separator: "\n  " });
}

/** The scenario a table builds over the base: the base's data with its areas replaced by the table's rows. */
function scenarioFromTable(base: string, table: string, read: AreaTableFile, out: string): Record<string, unknown> {
  const data = loadScenarioData(base) as Record<string, unknown>;
  const result = areasFromTable(read.rows, read.lines, (Array.isArray(data.areas) ? data.areas : []) as AreaInput[], table);
  if (!result.ok) throw new UserError(`${table}: ${result.problems.length} problem${result.problems.length > 1 ? "s" : ""}:\n  ${result.problems.join("\n  ")}`);
  const { extends: _merged, ...rest } = data;
  const built = { ...rest, areas: result.areas, ...("posterior" in rest ? { posterior: rebased(rest.posterior, base, out) } : {}), ...("$schema" in rest ? { $schema: rebased(rest.$schema, base, out) } : {}) };
  const parsed = parseScenario(built);
  if (!parsed.ok) throw new UserError(`${table} over ${base} is not a valid scenario:\n  ${scenarioProblems(parsed.issues, table, read.lines)}`);
  return built;
}

/** `hubsim scenario from-areas TABLE --base FILE --out FILE`: a scenario from a planner's per-area table. */
async function fromAreas(table: string, options: { base?: string; out: string }, io: Io): Promise<void> {
  if (extname(options.out).toLowerCase() !== ".json") throw new UserError(`--out ${options.out}: a scenario file must end in .json`);
  const base = options.base ?? defaultScenario();
  loadScenario(base); // names the base file when it is not a valid scenario
  const target = claimOutputFile(options.out, "--out");
  try {
    const built = scenarioFromTable(base, table, await readAreaTable(table), options.out);
    io.err(`wrote ${target.write(JSON.stringify(built, null, 2) + "\n")}: ${(built.areas as unknown[]).length} areas from ${table} over ${base}`);
  } finally {
    target.release();
  }
}

/** `hubsim scenario to-areas [FILE] --out TABLE`: the scenario's own per-area table, as .csv or .xlsx. */
async function toAreas(file: string | undefined, options: { out: string }, io: Io): Promise<void> {
  const ext = extname(options.out).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx") throw new UserError(`--out ${options.out}: an area table must be a .csv or .xlsx file`);
  const scenario = loadScenario(file ?? defaultScenario());
  const target = claimOutputFile(options.out, "--out");
  try {
    const content = ext === ".csv" ? areaTableCsv(scenario) : new Uint8Array(await (await workbookOf([areasSheet(scenario)])).xlsx.writeBuffer() as ArrayBuffer);
    io.err(`wrote ${target.write(content)}: ${scenario.areas.length} areas of ${scenario.name}`);
  } finally {
    target.release();
  }
}

/** `hubsim scenario from-areas | to-areas`: scenarios from and to a planner's per-area table. */
export function scenarioCommand(program: Command, io: Io): void {
  const scenario = program.command("scenario").description("build a scenario from a per-area table (.csv or .xlsx), or write a scenario's own area table");
  scenario.command("from-areas")
    .description("a scenario from a per-area table: area, private_per_week, public_per_week, long_term_fte, short_term_fte, open_public, open_wtfh, open_further_work, awaiting_allocation, in_hub, protocol_state")
    .argument("<table>", "areas.csv, or areas.xlsx (its Areas sheet, else the first)")
    .option("--base <file>", "the scenario the table's areas go into; its other settings are kept (default scenarios/baseline.json)")
    .requiredOption("--out <file>", "write the new scenario here (.json)")
    .action((table: string, options: { base?: string; out: string }) => fromAreas(table, options, io));
  scenario.command("to-areas")
    .description("write a scenario's own per-area table, the one from-areas reads")
    .argument("[scenario]", "scenario JSON file (default scenarios/baseline.json)")
    .requiredOption("--out <file>", "write the table here (.csv or .xlsx)")
    .action((file: string | undefined, options: { out: string }) => toAreas(file, options, io));
  for (const c of scenario.commands) c.allowExcessArguments(false);
}
