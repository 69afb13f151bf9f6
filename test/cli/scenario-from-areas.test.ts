import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { loadScenario } from "../../src/cli/scenario-loader.js";
import type { Scenario } from "../../src/model/index.js";

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [], err: string[] = [];
  const code = await runCli(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const tmp = mkdtempSync(join(tmpdir(), "hubsim-areas-"));
const BASELINE = join(import.meta.dirname, "..", "..", "scenarios", "baseline.json");
const HEADER = "area,private_per_week,public_per_week,long_term_fte,short_term_fte,open_public,open_wtfh,open_further_work,awaiting_allocation,in_hub,protocol_state";

/** A scenario with its posterior and $schema named by absolute path, so scenarios written in different places compare. */
const placed = (file: string): Scenario => {
  const s = loadScenario(file) as Scenario & { $schema?: string };
  const at = (p: string | undefined) => (p === undefined ? undefined : resolve(dirname(file), p));
  return { ...s, posterior: at(s.posterior), $schema: at(s.$schema) } as Scenario;
};

describe("hubsim scenario from-areas / to-areas", () => {
  for (const ext of ["csv", "xlsx"]) {
    it(`round trip through .${ext}: the baseline's own area table, read back over the baseline, gives the identical scenario`, async () => {
      const table = join(tmp, `baseline-areas.${ext}`), mine = join(tmp, `mine-${ext}.json`);
      expect((await cli("scenario", "to-areas", BASELINE, "--out", table)).code).toBe(0);
      const r = await cli("scenario", "from-areas", table, "--base", BASELINE, "--out", mine);
      expect([r.code, r.err]).toEqual([0, `wrote ${mine}: 17 areas from ${table} over ${BASELINE}`]);
      expect(placed(mine)).toEqual(placed(BASELINE));
    });
  }

  it("writes the table planners recognise: a header and one row per area", async () => {
    const table = join(tmp, "plain.csv");
    await cli("scenario", "to-areas", BASELINE, "--out", table);
    const lines = readFileSync(table, "utf8").trimEnd().split("\n");
    expect([lines[0], lines[1], lines.length]).toEqual([HEADER, `"A1 Tyneside & Northumbria",27,13,55.6,5.4,559,162,321,0,0,"normal"`, 18]);
  });

  it("keeps a named area's other settings, starts a new name from the defaults, and takes the table's order", async () => {
    const table = join(tmp, "two.csv"), mine = join(tmp, "two.json");
    writeFileSync(table, `${HEADER}\nNewtown,10,4,12,2,100,20,30,5,0,normal\nA1 Tyneside & Northumbria,30,13,60,5.4,559,162,321,7,3,hub-active\n`);
    expect((await cli("scenario", "from-areas", table, "--base", BASELINE, "--out", mine)).code).toBe(0);
    const s = loadScenario(mine);
    expect(s.areas.map((a) => [a.name, a.courts, a.demand.privatePerWeek, a.fca.longTermFte, a.initial?.awaitingAllocation, a.initial?.inHub, a.initial?.protocolState]))
      .toEqual([["Newtown", 2, 10, 12, 5, 0, "normal"], ["A1 Tyneside & Northumbria", 1, 30, 60, 7, 3, "hub-active"]]);
  });

  it("checks the table row by row and names each problem's line; nothing is written", async () => {
    const table = join(tmp, "bad.csv"), mine = join(tmp, "bad.json");
    writeFileSync(table, `${HEADER}\nA1,-3,13,55.6,5.4,559,162,321,0,0,normal\n\nB2,10,,5,1,0,0,0,0,0,sleeping\nA1,1,1,1,1,1,1,1,1,1,normal\n`);
    const r = await cli("scenario", "from-areas", table, "--base", BASELINE, "--out", mine);
    expect([r.code, r.err]).toEqual([2, [
      `hubsim: ${table}: 3 problems:`,
      `  ${table} line 2: private_per_week must be at least 0`,
      `  ${table} line 4: public_per_week must be a number, not string; protocol_state must be one of "normal", "lead-in", "hub-active", "winding-down"`,
      `  ${table} line 5: area "A1" is already on line 2`,
    ].join("\n")]);
    expect(existsSync(mine)).toBe(false);
  });

  it("refuses a header with unknown or missing columns, naming them", async () => {
    const table = join(tmp, "header.csv");
    writeFileSync(table, `${HEADER.replace("in_hub", "inhub")}\n`);
    const r = await cli("scenario", "from-areas", table, "--base", BASELINE, "--out", join(tmp, "h.json"));
    expect([r.code, r.err]).toEqual([2, `hubsim: ${table} line 1: unknown column "inhub"; missing in_hub (expected ${HEADER})`]);
  });

  it("reads the Areas sheet of a run's --xlsx workbook", async () => {
    const book = join(tmp, "run.xlsx"), mine = join(tmp, "from-run.json");
    const small = join(tmp, "small.json");
    writeFileSync(small, JSON.stringify({ name: "s", startDate: "2026-01-05", horizonWeeks: 4, warmupWeeks: 0, areas: [{ name: "North", demand: { privatePerWeek: 3, publicPerWeek: 1 }, fca: { longTermFte: 5, shortTermFte: 1 } }] }));
    expect((await cli("run", small, "--reps", "2", "--workers", "1", "--xlsx", book)).code).toBe(0);
    expect((await cli("scenario", "from-areas", book, "--base", small, "--out", mine)).code).toBe(0);
    expect(loadScenario(mine)).toEqual(loadScenario(small));
  });
});
