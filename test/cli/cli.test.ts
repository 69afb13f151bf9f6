import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [], err: string[] = [];
  const code = await runCli(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("hubsim CLI", () => {
  it("prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(await cli("--version")).toEqual({ code: 0, out: pkg.version, err: "" });
  });

  it("lists its commands in --help", async () => {
    const { code, out } = await cli("--help");
    expect(code).toBe(0);
    expect(out).toContain("Usage: hubsim");
    expect(out).toContain("selfcheck");
  });

  it("runs the kernel self-check as JSON with every interval reported", async () => {
    const { code, out } = await cli("selfcheck", "--reps", "3", "--seed", "4", "--json");
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { replications: number; rows: { measure: string; analytic: number }[] };
    expect(parsed.replications).toBe(3);
    expect(parsed.rows.map((r) => r.measure)).toEqual([
      "mean wait", "P(wait>0)", "mean wait", "P(wait>0) Erlang C", "class 0 mean wait", "class 1 mean wait", "class 2 mean wait",
    ]);
  });

  it("rejects a bad option value with exit code 2 and a message naming it", async () => {
    const { code, err } = await cli("selfcheck", "--reps", "0");
    expect(code).toBe(2);
    expect(err).toContain("option '--reps <n>' argument '0' is invalid. expected an integer from 2 to 1000");
  });

  it("names an unknown command and lists the real ones", async () => {
    const { code, err } = await cli("frob");
    expect(code).toBe(2);
    expect(err).toBe("hubsim: unknown command 'frob' (commands: run, compare, sweep, seek, calibrate, merge, rerun, backtest, appraise, report, scenario, schema, selfcheck, tui; see hubsim --help)");
  });

  it("refuses to open the TUI without a terminal, pointing at the plain-text forecast", async () => {
    const { code, err } = await cli("tui");
    expect(code).toBe(2);
    expect(err).toBe("hubsim: hubsim tui needs an interactive terminal (use hubsim run for a plain-text forecast)");
  });

  it("sets the Cafcass Plus pilot scenario against the pilot's observed diversion counts", async () => {
    const { code, out } = await cli("backtest", "--pilot", "--reps", "4", "--workers", "1");
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toBe("hubsim backtest --pilot: cafcass-plus-pilot, 2011-05-23 for 104 weeks; 4 replications, seed 1");
    expect(lines.filter((l) => /^(Plus|Comparators|National)/.test(l)).map((l) => l.split(/ {2,}/)[1])).toEqual(["11 of 26 (42.3%)", "7 of 14 (50.0%)", "4 of 12 (33.3%)", "11 of 30 (36.7%)", "about 25.0%"]);
    expect((await cli("backtest", "--pilot", "--html", "x.html")).code).toBe(2);
  });

  it("scores a hold-out back-test's calibrated forecast against the fixed inputs and the prior predictive, in the JSON and the CSV", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "hubsim-holdout-")), "ho");
    const { code, out: json } = await cli("backtest", "--fit-until", "2020-12-31", "--particles", "10", "--generations", "1", "--reps", "2", "--weeks", "100", "--workers", "1", "--out", out, "--json");
    expect(code).toBe(0);
    const scores = JSON.parse(json) as Record<string, { rows: { date: string }[]; bandContent: string } | number>;
    const [calibrated, fixed, prior] = (["calibrated", "uncalibrated", "prior"] as const).map((k) => scores[k] as { rows: { date: string }[]; bandContent: string });
    expect(prior!.rows.map((r) => r.date)).toEqual(calibrated!.rows.map((r) => r.date));
    expect(prior!.rows.length).toBeGreaterThan(0);
    expect([calibrated!.bandContent, fixed!.bandContent, prior!.bandContent]).toEqual(["simulation-and-parameter", "simulation-noise", "simulation-and-parameter"]);
    expect(Number.isFinite(scores.relativeWisToPrior) && Number.isFinite(scores.relativeWisToPriorByObservation)).toBe(true);
    const forecasts = readFileSync(join(out, "holdout.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]);
    expect([...new Set(forecasts)]).toEqual(["calibrated", "uncalibrated", "prior"]);
  });

  it("rejects unknown options with exit code 2", async () => {
    const { code, err } = await cli("selfcheck", "--bogus");
    expect(code).toBe(2);
    expect(err).toContain("unknown option '--bogus'");
  });
});
