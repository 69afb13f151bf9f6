import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { backtest, forecastSummary, inProcessExecutor, runForecast } from "../../src/experiment/index.js";
import { comparisonHtml, fanChart, htmlReport, parseWeeklyCsv, sweepHtml, weeklyCsv } from "../../src/report/index.js";
import { compareForecasts, type SweepResult } from "../../src/experiment/index.js";
import { smallScenario } from "../helpers/small-scenario.js";
import { historyForecast } from "../helpers/synthetic-history.js";

async function report(): Promise<string> {
  const f = await runForecast(smallScenario((s) => (s.horizonWeeks = 20)), { replications: 4, seed: 1 }, inProcessExecutor());
  const record = {
    hubsim: "0.1.0", node: "v20", dependencies: { zod: "4" }, seed: 1, replications: 4, horizonWeeks: 20, command: ["hubsim", "run", "<small>.json"],
    started: "2026-11-23T10:00:00.000Z", finished: "2026-11-23T10:00:05.000Z",
    scenario: { name: "small", file: "small.json", sha256: "ab".repeat(32), content: f.scenario },
  };
  const bt = backtest(f, [{ date: "2026-02-02", metric: "open_cases", value: 900, source: "test" }]);
  return htmlReport({ summary: forecastSummary(f), weekly: parseWeeklyCsv(weeklyCsv(f)), record, backtest: bt });
}

describe("the HTML report", () => {
  it("has the national fan charts, an area chart each, the tables, parameters with sources and the STRESS-DES record", async () => {
    const html = await report();
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html.match(/<svg class="fan-chart"/g)).toHaveLength(7 + 2 + 1); // England, one per area, back-test
    for (const title of ["Hub backlog, England", "Cases waiting for allocation outside hubs, England", "Time to allocation (mean of the cases allocated each week), England", "Average long-term caseload, England", "North", "South"]) {
      expect(html).toContain(`aria-label="${title}"`);
    }
    expect(html.match(/<text class="band-content"[^>]*>bands: simulation noise only \(fixed parameters\)<\/text>/g)).toHaveLength(10); // every chart says what its bands hold
    expect(html).toContain("90% band across replications; the bands hold simulation noise only (fixed parameters).</p>");
    expect(html).toContain('<table class="summary">');
    expect(html).toContain('<table class="parameters">');
    expect(html).toContain("<code>protocol.maxHoldWeeks</code></td><td class=\"num\">20</td><td>§8.5, §4.1</td>");
    expect(html).toContain("<code>national.workforce.allocation.urgentLimitShare</code></td><td class=\"num\">1.25</td><td>§3.2 [A]</td>");
    expect(html).toContain("<code>protocol.trigger</code></td><td class=\"num\">unallocated</td><td>seed 002; §8.5</td>");
    expect(html).toContain("<code>national.workforce.recruitment.maxHiresPerYear</code></td><td class=\"num\">0.3</td><td>[A]</td>");
    expect(html).not.toContain("hardCaseloadLimit");
    expect(html).toMatch(/<th class="num">awaiting allocation at end \(90% band\)<\/th><th class="num">time to allocation \(wks\)<\/th>/);
    for (const h of ["1. Objectives", "2. Logic", "3. Data", "4. Experimentation", "5. Implementation", "6. Code access and reproduction"]) expect(html).toContain(`<dt>${h}</dt>`);
    expect(html).toContain("hubsim run &lt;small&gt;.json"); // user text is escaped
    expect(html).toContain('<section id="backtest">');
    expect(html).not.toMatch(/<script|https?:\/\//); // self-contained: no scripts, no network
  });

  it("writes comparisons and sweeps as pages too, the sweep with its frontier chart and rows marked", async () => {
    const f = await runForecast(smallScenario((s) => (s.horizonWeeks = 10)), { replications: 3, seed: 1 }, inProcessExecutor());
    const compare = comparisonHtml(compareForecasts([f, f]));
    expect(compare).toContain('<table class="comparison">');
    const means = Object.fromEntries(Object.keys(forecastSummary(f).national.metrics).map((k) => [k, 1])) as SweepResult["rows"][number]["means"];
    const sweep: SweepResult = { base: "small", replications: 3, seed: 1, objectives: ["hub_wait_mean_weeks", "fca_weeks_over_cap"], constraints: [], confidence: 0.9, frontier: [1],
      rows: [0, 1, 2].map((index) => ({ point: { index, values: { "protocol.maxHoldWeeks": 8 + index } }, replications: 3, means: { ...means, hub_wait_mean_weeks: 3 - index, fca_weeks_over_cap: 3 - index }, objectives: [3 - index, 3 - index], constraints: [], feasible: true })) };
    const page = sweepHtml(sweep);
    expect(page.match(/<svg class="scatter-chart"/g)).toHaveLength(1);
    expect(page.match(/<tr class="frontier">/g)).toHaveLength(1);
    expect(page).not.toMatch(/<script|https?:\/\//);
  });

  it("draws bands and the median with d3 paths in the chart's scale", () => {
    const svg = fanChart({ p5: [0, 1], p25: [1, 2], median: [2, 3], p75: [3, 4], p95: [4, 5] }, { title: "T", yLabel: "y", width: 200, height: 100, bandContent: "simulation noise only" });
    expect(svg).toMatch(/<path class="band-90" d="M[\d.,]+L/);
    expect(svg).toMatch(/<path class="median" d="M52,\d+(\.\d+)?L188,\d+(\.\d+)?"/);
  });

  it("says why hubs opened, area by area, from the protocol history in the summary", () => {
    const f = historyForecast();
    const record = { hubsim: "0.1.0", node: "v20", dependencies: {}, seed: 1, replications: 3, horizonWeeks: 20, command: [], started: "s", finished: "f",
      scenario: { name: "small", file: "small.json", sha256: "ab", content: { ...f.scenario, areas: [f.scenario.areas[0], { ...f.scenario.areas[1], staffing: [{ from: "2026-03-02", fte: 4, team: "long-term", how: "recruit", note: "drive" }] }] } } };
    const html = htmlReport({ summary: forecastSummary(f), weekly: parseWeeklyCsv(weeklyCsv(f)), record });
    expect(html).toContain('<section id="protocol-history"><h2>Why hubs opened</h2>');
    expect(html).toContain("<li>North: hub opened in 2 of 3 replications, first in week 13 (median; 90% of replications weeks 12–14); when the protocol was triggered, " +
      "130 cases were unallocated and 0 held in the hub = 3.0 weeks of allocation capacity, average caseload 21.5, 50% of FCAs at or above the cap, for 4 weeks in a row; closed again in 1, median week 19.</li>");
    expect(html.match(/<section id="protocol-history">.*?<\/section>/s)![0]).not.toContain("South"); // South's protocol never moved
    expect(html).toContain("<li>South: protocol trigger open-cases, triggerWeeks 6; from 2026-03-02 +4 long-term FTE (recruit: drive)</li>");
  });

  const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
  it.skipIf(chromium === undefined)("renders in headless Chromium with its charts and tables and no console errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hubsim-html-"));
    const file = join(dir, "report.html");
    writeFileSync(file, await report());
    const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", `--user-data-dir=${join(dir, "profile")}`, "--enable-logging=stderr", "--v=0"];
    const r = spawnSync(chromium!, [...flags, "--dump-dom", `file://${file}`], { encoding: "utf8", timeout: 60_000 });
    expect(r.stdout.match(/<svg class="fan-chart"/g)).toHaveLength(10);
    expect(r.stdout).toContain("STRESS-DES");
    expect(r.stderr).not.toMatch(/Uncaught|CONSOLE\(\d+\).*error/i);
  });
});
