import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { smallScenarioInput } from "../helpers/small-scenario.js";

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [], err: string[] = [];
  const code = await runCli(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const tmp = mkdtempSync(join(tmpdir(), "hubsim-xlsx-"));
const file = (name: string, data: unknown): string => {
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
};
const small = file("small.json", { ...smallScenarioInput(), horizonWeeks: 8, warmupWeeks: 4 });
const busier = file("busier.json", { ...smallScenarioInput(), name: "busier", horizonWeeks: 8, warmupWeeks: 4, national: { demand: { multiplier: 1.2 } } });
const quick = ["--reps", "2", "--workers", "1", "--posterior", "none"];

/** The workbook at `path`, read back as a user's Excel would open it. */
async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

const sheetNames = (b: ExcelJS.Workbook): string[] => b.worksheets.map((w) => w.name);
const cell = (b: ExcelJS.Workbook, sheet: string, at: string): ExcelJS.Cell => b.getWorksheet(sheet)!.getCell(at);

describe("--xlsx writes one workbook a planner can open", () => {
  it("run: Summary, Weekly, Area results, Areas and Parameters, numbers as numbers with formats and a frozen header", async () => {
    const path = join(tmp, "run.xlsx");
    expect((await cli("run", small, ...quick, "--xlsx", path)).code).toBe(0);
    const b = await workbook(path);
    expect(sheetNames(b)).toEqual(["Summary", "Weekly", "Area results", "Areas", "Parameters"]);
    expect([cell(b, "Summary", "A2").value, cell(b, "Summary", "B2").value, cell(b, "Summary", "B6").value]).toEqual(["scenario", "small", 2]);
    expect([cell(b, "Weekly", "A2").value, cell(b, "Weekly", "C2").value, typeof cell(b, "Weekly", "F2").value]).toEqual([1, "North", "number"]);
    expect(cell(b, "Weekly", "B2").numFmt).toBe("yyyy-mm-dd");
    expect([cell(b, "Area results", "A4").value]).toEqual(["England"]);
    expect([cell(b, "Areas", "A1").value, cell(b, "Areas", "B2").value, cell(b, "Areas", "D2").value]).toEqual(["area", 30, 30]);
    expect([cell(b, "Parameters", "B2").value, cell(b, "Parameters", "C2").value, cell(b, "Parameters", "D2").value]).toEqual(["national.demand.multiplier", 1, "planner's lever"]);
    expect(b.getWorksheet("Weekly")!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(b.getWorksheet("Weekly")!.getColumn(2).width).toBe(12); // fitted to a date
  });

  it("compare: the paired differences as a tidy table, with both scenarios' parameters", async () => {
    const path = join(tmp, "compare.xlsx");
    expect((await cli("compare", small, busier, ...quick, "--xlsx", path)).code).toBe(0);
    const b = await workbook(path);
    expect(sheetNames(b)).toEqual(["Summary", "Comparison", "Areas", "Areas 2", "Parameters"]);
    expect([cell(b, "Summary", "B3").value, cell(b, "Comparison", "B2").value, cell(b, "Comparison", "C3").value]).toEqual(["small", "hub_backlog_end", "busier"]);
    expect([cell(b, "Parameters", "C1").value, cell(b, "Parameters", "D1").value, cell(b, "Parameters", "D2").value]).toEqual(["small", "busier", 1.2]);
  });

  it("sweep: one row per point with the varied value", async () => {
    const path = join(tmp, "sweep.xlsx");
    expect((await cli("sweep", small, "--vary", "national.demand.multiplier=1:1.2:0.2", ...quick, "--xlsx", path)).code).toBe(0);
    const b = await workbook(path);
    expect(sheetNames(b)).toEqual(["Summary", "Points", "Areas", "Parameters"]);
    expect([cell(b, "Summary", "B3").value, cell(b, "Points", "B1").value, cell(b, "Points", "B3").value]).toEqual([2, "national.demand.multiplier", 1.2]);
  });

  it("appraise --sensitivity: payers in £ and the sensitivity table", async () => {
    const path = join(tmp, "appraise.xlsx");
    expect((await cli("appraise", small, "--areas", "South", "--sensitivity", ...quick, "--xlsx", path)).code).toBe(0);
    const b = await workbook(path);
    expect(sheetNames(b)).toEqual(["Summary", "Payers", "Capacity", "Sensitivity", "Areas", "Parameters"]);
    expect([cell(b, "Summary", "B3").value, cell(b, "Summary", "B4").value, cell(b, "Payers", "A2").value, cell(b, "Payers", "A7").value, typeof cell(b, "Payers", "D7").value]).toEqual(["Cafcass Plus", "South", "Cafcass", "total", "number"]);
    expect([cell(b, "Summary", "A10").value, cell(b, "Summary", "B10").value]).toEqual(["intervals hold", "simulation-noise-and-effect-sizes"]);
    expect(cell(b, "Payers", "D7").numFmt).toContain("£");
    expect(b.getWorksheet("Sensitivity")!.rowCount).toBe(18);
  });

  it("backtest: the covid-2020 forecast with its fit and observations", async () => {
    const path = join(tmp, "backtest.xlsx");
    expect((await cli("backtest", "--reps", "2", "--workers", "1", "--weeks", "30", "--posterior", "none", "--xlsx", path)).code).toBe(0);
    const b = await workbook(path);
    expect(sheetNames(b)).toEqual(["Summary", "Fit", "Observations", "Weekly", "Area results", "Areas", "Parameters"]);
    expect([cell(b, "Summary", "B2").value, cell(b, "Fit", "A1").value, cell(b, "Observations", "C1").value]).toEqual(["covid-2020", "metric", "metric"]);
  });

  it("refuses a name that is not .xlsx before anything runs, and writes nothing", async () => {
    const r = await cli("run", small, ...quick, "--xlsx", join(tmp, "run.xls"));
    expect([r.code, r.err]).toEqual([2, `hubsim: --xlsx ${join(tmp, "run.xls")}: the file name must end in .xlsx`]);
    expect(existsSync(join(tmp, "run.xls"))).toBe(false);
  });
});
