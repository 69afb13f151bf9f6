import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { smallFile, workDir } from "../helpers/built-cli.js";

const tmp = workDir("inputs");
const small = smallFile(tmp, "small.json");
const quick = ["--reps", "2", "--workers", "1"];

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [], err: string[] = [];
  const code = await runCli(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

const HEADER = "area,kind,tier,weeks_open,status,weeks_in_hub";

describe("--initial cases.csv is read strictly", () => {
  it.each([
    ["header only", `${HEADER}\n`, (f: string) => `${f}: no cases after the header; an empty backlog is not today's backlog (leave out --initial to start from the scenario's own state)`],
    ["a misspelt column", "area,kind,tier,weeks_open,status,weeks_in_hb\nNorth,public,1,3,allocated,0\n", (f: string) => `${f} line 1: unknown column "weeks_in_hb" (expected ${HEADER}; weeks_in_hub may be left out)`],
    ["an extra column", `${HEADER},team\nNorth,public,1,3,allocated,0,A\n`, (f: string) => `${f} line 1: unknown column "team" (expected ${HEADER}; weeks_in_hub may be left out)`],
    ["a hexadecimal number, after a blank line", `${HEADER}\nNorth,public,1,3,allocated,0\n\nNorth,further,3,0x1A,awaiting,0\n`, (f: string) => `${f} line 4: weeks_open must be a number of the form 12 or 12.5, not "0x1A"`],
    ["a short row", `${HEADER}\nNorth,public,1,3\n`, (f: string) => `${f} line 2: 4 values for 6 columns`],
    ["weeks in a hub beyond weeks open", `${HEADER}\n\nNorth,further,3,2,hub,5\n`, (f: string) => `${f} line 3: weeks_in_hub: a case cannot have been in a hub (5 weeks) longer than it has been open (2)`],
    ["weeks in a hub on an allocated case", `${HEADER}\nNorth,further,3,8,allocated,2\n`, (f: string) => `${f} line 2: weeks_in_hub: only a case in a hub has weeks in it (status is allocated)`],
    ["public law at tier 4", `${HEADER}\n\n\nNorth,public,4,8,allocated,0\n`, (f: string) => `${f} line 4: tier: public law is always tier 1 (P1), not 4`],
  ])("refuses %s with exit 2 and the line number", async (label, text, message) => {
    const csv = file(`${label.replace(/\W+/g, "-")}.csv`, text);
    const out = join(tmp, `never-${label.replace(/\W+/g, "-")}`);
    const r = await cli("run", small, "--initial", csv, ...quick, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message(csv));
    expect(r.out).toBe("");
    expect(existsSync(out)).toBe(false);
  });
});

describe("inputs that cannot crash it", () => {
  const baseline = JSON.parse(readFileSync(small, "utf8")) as { areas: Record<string, unknown>[] };
  const variant = (name: string, change: (s: any) => void): string => {
    const s = structuredClone(baseline);
    change(s);
    return file(name, JSON.stringify(s));
  };

  it("refuses 1e12 cases a week, or 1e12 open cases, with exit 2 naming the field and its limit", async () => {
    const demand = await cli("run", variant("demand.json", (s) => (s.areas[0].demand.privatePerWeek = 1e12)), ...quick);
    expect([demand.code, demand.err]).toEqual([2, `hubsim: ${join(tmp, "demand.json")} is not a valid scenario (1 problem):\n  areas[0].demand.privatePerWeek must be at most 5,000 (about five times England's national demand)`]);
    const open = await cli("run", variant("open.json", (s) => (s.areas[1].initial = { openPublic: 1e12 })), ...quick);
    expect(open.err).toBe(`hubsim: ${join(tmp, "open.json")} is not a valid scenario (1 problem):\n  areas[1].initial.openPublic must be at most 200,000 (ten times England's whole open caseload)`);
  });

  it("sizes the run before starting: demand within each area's bound but too much over the horizon is refused", async () => {
    const big = variant("big.json", (s) => {
      s.horizonWeeks = 1040;
      s.areas = Array.from({ length: 20 }, (_, i) => ({ name: `A${i}`, demand: { privatePerWeek: 4000, publicPerWeek: 0 }, fca: { longTermFte: 1000, shortTermFte: 1000 } }));
    });
    const r = await cli("run", big, ...quick);
    expect(r.code).toBe(2);
    expect(r.err).toContain("the run is too large: about 88,531,200 cases a replication from areas[].demand × national.demand.multiplier (with its shocks and trendPerYear) over horizonWeeks + warmupWeeks, where hubsim simulates at most 20,000,000");
  });

  it("words schema problems as sentences about the field", async () => {
    const r = await cli("run", variant("seed.json", (s) => (s.run = { seed: 2 ** 60, replications: "20" })), ...quick);
    expect(r.err).toBe(`hubsim: ${join(tmp, "seed.json")} is not a valid scenario (2 problems):\n  run.replications must be a number, not string\n  run.seed must be at most 9,007,199,254,740,991`);
  });

  it("reads only regular .json files through extends, and never echoes their content", async () => {
    const secret = file("secret.json", "root:x:0:0:root:/root:/bin/bash\n");
    const leak = await cli("run", file("leak.json", JSON.stringify({ extends: "secret.json", name: "x" })));
    expect(leak.err).toBe(`hubsim: ${secret} is not valid JSON`);
    const zero = await cli("run", file("zero.json", JSON.stringify({ extends: "/dev/zero", name: "x" })));
    expect(zero.err).toBe(`hubsim: ${join(tmp, "zero.json")}: extends must name a .json scenario file`);
    symlinkSync("/dev/zero", join(tmp, "device.json"));
    const device = await cli("run", file("device-link.json", JSON.stringify({ extends: "device.json", name: "x" })));
    expect(device.err).toBe(`hubsim: cannot read ${join(tmp, "device.json")}: not a regular file`);
    expect((await cli("run", small, "--posterior", "/dev/zero", ...quick)).err).toBe("hubsim: --posterior /dev/zero: not a regular file");
    expect((await cli("run", small, "--initial", "/dev/zero", ...quick)).err).toBe("hubsim: --initial /dev/zero: not a regular file");
  });

  it("counts a sweep's grid first and refuses one beyond 10,000 points", async () => {
    const r = await cli("sweep", small, "--vary", "protocol.maxHoldWeeks=1:104:1", "--vary", "protocol.triggerRatio=1.2:5:0.01", "--plan");
    expect([r.code, r.err]).toEqual([2, "hubsim: the grid of 104 × 381 values has 39,624 points: a sweep may have at most 10,000 points; use coarser steps or a Latin hypercube (--samples n)"]);
  });
});

describe("arguments that used to be ignored", () => {
  it("refuses a second scenario file given to run", async () => {
    const r = await cli("run", small, small);
    expect(r.code).toBe(2);
    expect(r.err).toBe("error: too many arguments for 'run'. Expected 1 argument but got 2.");
  });

  it("refuses a --vary given twice for the same field", async () => {
    const r = await cli("sweep", small, "--vary", "protocol.maxHoldWeeks=8,12", "--vary", "protocol.maxHoldWeeks=16,20", "--plan");
    expect(r.err).toBe("hubsim: --vary protocol.maxHoldWeeks is given more than once; give all its values in one --vary (e.g. protocol.maxHoldWeeks=1,2,3,4)");
  });

  it("refuses --reps above --max-reps with --precision instead of lowering it", async () => {
    const r = await cli("run", small, "--precision", "0.1", "--reps", "50", "--max-reps", "20", "--workers", "1");
    expect(r.err).toBe("hubsim: --reps 50 is above --max-reps 20: with --precision, --reps is the first batch and --max-reps the most it may grow to; raise --max-reps or lower --reps");
  });

  it("caps --workers at the cores with a warning, and warns of a shard with no replications (whose partial is empty)", async () => {
    const r = await cli("run", small, "--reps", "2", "--workers", "256", "--shard", "5/10", "--out", join(tmp, "shards"));
    expect(r.code).toBe(0);
    expect(r.err).toContain("warning: shard 5/10 has no replications (2 over 10 shards); its partial is empty and merges correctly");
    expect(r.err).toContain(`wrote ${join(tmp, "shards", "partial-5-of-10.json")} (replications none of 2)`);
    const w = await cli("run", small, "--reps", "1", "--workers", "256", "--json");
    expect(w.err).toMatch(/^warning: --workers 256 is more than the \d+ cores? here; using \d+$/);
  });

  it("labels two compared scenarios of the same name by their files", async () => {
    const twin = smallFile(tmp, "twin.json");
    const r = await cli("compare", small, twin, ...quick, "--json");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { scenarios: string[] }).scenarios).toEqual([`small (${small})`, `small (${twin})`]);
  });
});

describe("report checks that a run directory's files belong together", () => {
  it("refuses {} files without a TypeError", async () => {
    const dir = join(tmp, "empty-run");
    mkdirSync(dir);
    for (const f of ["summary.json", "run.json"]) writeFileSync(join(dir, f), "{}");
    writeFileSync(join(dir, "weekly.csv"), "week\n");
    const r = await cli("report", dir, "--html", join(tmp, "empty.html"));
    expect([r.code, r.err]).toEqual([2, `hubsim: ${join(dir, "summary.json")} is not what hubsim writes there: scenario is missing (text); startDate is missing (text); horizonWeeks is missing (a number); and 9 more`]);
    expect(existsSync(join(tmp, "empty.html"))).toBe(false);
  });

  it("refuses a summary from another run, and leaves out a stale backtest.json with a warning", async () => {
    const a = join(tmp, "run-a"), b = join(tmp, "run-b");
    expect((await cli("run", small, ...quick, "--seed", "1", "--out", a)).code).toBe(0);
    expect((await cli("run", small, ...quick, "--seed", "2", "--out", b)).code).toBe(0);
    writeFileSync(join(a, "backtest.json"), JSON.stringify({ rows: [], fits: [], bandContent: "x", run: { scenario: "covid-2020", seed: 1, replications: 20, horizonWeeks: 260 } }));
    const stale = await cli("report", a, "--html", join(tmp, "a.html"));
    expect(stale.code).toBe(0);
    expect(stale.err).toContain(`warning: leaving out ${join(a, "backtest.json")}: it is not from this run (covid-2020, 260 weeks, seed 1, 20 replications)`);
    writeFileSync(join(a, "summary.json"), readFileSync(join(b, "summary.json")));
    const mixed = await cli("report", a, "--html", join(tmp, "mixed.html"));
    expect([mixed.code, mixed.err]).toEqual([2, `hubsim: ${a}: summary.json (small, from 2026-01-05, 8 weeks, seed 2, 2 replications) and run.json (small, from 2026-01-05, 8 weeks, seed 1, 2 replications) come from different runs`]);
    expect(readdirSync(tmp).filter((f) => f.endsWith(".hubsim-lock"))).toEqual([]);
  });
});
