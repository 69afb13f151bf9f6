import { describe, expect, it, vi } from "vitest";
import type { LiveSnapshot } from "../../src/experiment/index.js";
import { partialForecast } from "../../src/experiment/index.js";
import { WEEKLY_METRICS, type Scenario } from "../../src/model/index.js";
import type { ForecastRunner } from "../../src/tui/index.js";
import { preCmh } from "../helpers/pre-cmh.js";
import { scenarioOf } from "../helpers/small-scenario.js";
import { inProcessRunner, renderApp, settle, tuiScenario } from "./harness.js";

const DOWN = "\u001B[B", UP = "\u001B[A", RIGHT = "\u001B[C", LEFT = "\u001B[D", ENTER = "\r", ESC = "\u001B", TAB = "\t";

/** Renders the app and waits until the first forecast is done. */
async function ready(size?: { columns: number; rows: number }) {
  const app = renderApp(size === undefined ? {} : { size });
  await vi.waitFor(() => expect(app.lastFrame()).toContain("4/4 replications · 0.0 s · done"), { timeout: 30_000 });
  return app;
}

/** Presses keys one at a time, letting the app redraw in between. */
async function press(app: { stdin: { write: (s: string) => void } }, ...keys: string[]) {
  for (const k of keys) {
    app.stdin.write(k);
    await settle(30);
  }
}

describe("the TUI on a fixed seeded scenario (80×24)", () => {
  it("opens on the Overview: fan chart, headlines, lines and the areas with a hub open", async () => {
    const app = await ready();
    expect(app.lastFrame()).toMatchSnapshot();
    app.unmount();
  });

  it("says what the chart's bands hold and cycles the chart with m through awaiting allocation and time to allocation", async () => {
    const app = await ready();
    expect(app.lastFrame()).toContain("━ median ▒ 50% ░ 90% of replications · simulation noise only (fixed parameters)");
    await press(app, "m");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Awaiting allocation, England (cases waiting for an FCA outside the hubs)"));
    expect(app.lastFrame()).toMatchSnapshot("awaiting allocation chart");
    await press(app, "m", "m");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Time to allocation, England (mean weeks, cases allocated that week)"));
    await press(app, "m", "m", "m", "m");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Hub backlog, England (cases held)"));
    app.unmount();
  });

  it("switches views with number keys, Tab and Shift+Tab, and shows help with ?", async () => {
    const app = await ready();
    await press(app, "2");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("─ in hubs ─"));
    expect(app.lastFrame()).toMatchSnapshot("areas");
    await press(app, TAB);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Threshold"));
    expect(app.lastFrame()).toMatchSnapshot("protocol");
    await press(app, TAB);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("No roll-out areas chosen"));
    await press(app, TAB);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Scenario files"));
    expect(app.lastFrame()).toMatchSnapshot("scenario");
    await press(app, "\u001B[Z", "\u001B[Z"); // Shift+Tab twice
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Threshold"));
    await press(app, "?");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Keys"));
    expect(app.lastFrame()).toContain("Areas: s / r");
    await press(app, ESC);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Threshold"));
    app.unmount();
  });

  it("sorts the Areas table and drills into an area's charts and back", async () => {
    const app = await ready();
    await press(app, "2", "s", "s", "s"); // name → protocol → hub now → peak
    await vi.waitFor(() => expect(app.lastFrame()).toContain("peak↓"));
    const rows = app.lastFrame()!.split("\n").filter((l) => /^[› ] (North|South)/.test(l)).map((l) => l.slice(2, 7));
    expect(rows).toEqual(["North", "South"]);
    await press(app, "r");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("peak↑"));
    await press(app, DOWN, ENTER);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Long-term caseload per FCA"));
    expect(app.lastFrame()).toMatchSnapshot("area detail");
    await press(app, ESC);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("─ in hubs ─"));
    app.unmount();
  });

  it("drills into an area: awaiting allocation beside the hub backlog, and why its hub opened in a sentence wrapped to the width", async () => {
    const app = await ready({ columns: 100, rows: 30 });
    await press(app, "2", ENTER);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Long-term caseload per FCA"));
    const lines = app.lastFrame()!.split("\n");
    expect(lines.some((l) => /^Awaiting allocation \(cases\) +Hub backlog \(cases held\)$/.test(l))).toBe(true);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    const text = lines.join(" ").replace(/ +/g, " ");
    expect(text).toContain("North: hub opened in 3 of 4 replications, first in week 15 (median; 90% of replications weeks 4–25); when the protocol was triggered, 66 cases were unallocated and 0 held in the hub = 5.4 weeks of allocation capacity");
    expect(text).toContain("for 4 weeks in a row; not closed within the horizon.");
    expect(text).toContain("North · protocol active · time to allocation 2.03 wks · hub wait 5.8 wks");
    await press(app, ESC, DOWN, ENTER);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("South: no hub opened in any of 4 replications."));
    app.unmount();
  });

  it("sorts the Areas table by the cases awaiting allocation and by the mean time to allocation", async () => {
    const app = await ready();
    const order = (): string[] => app.lastFrame()!.split("\n").filter((l) => /^[› ] (North|South)/.test(l)).map((l) => l.slice(2, 7));
    await press(app, "2", "s", "s", "s", "s", "s", "s"); // name → protocol → hub now, peak, end, wait → awaiting end
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/ wait +end↓ +wait /));
    expect(app.lastFrame()).toMatch(/› North +active +0 +44 +44 +5\.8 +17 +2\.03 /);
    expect(order()).toEqual(["North", "South"]);
    await press(app, "s", "r"); // → time to allocation, reversed
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/ end +wait↑ +caseld/));
    expect(order()).toEqual(["South", "North"]);
    app.unmount();
  });

  it("re-runs when a threshold is edited and shows the change against the scenario as loaded", async () => {
    const app = await ready();
    await press(app, "3", " ");
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/Forced allocations +4 +0 +-4$/m), { timeout: 30_000 });
    await vi.waitFor(() => expect(app.lastFrame()).toContain("· done"), { timeout: 30_000 });
    expect(app.lastFrame()).toMatchSnapshot("protocol switched off");
    await press(app, "u");
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/Forced allocations +4 +4 +0$/m));
    await press(app, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, LEFT, LEFT, LEFT, LEFT); // maximum hold 20 → 16
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/Maximum hold, weeks +16/));
    await vi.waitFor(() => expect(app.lastFrame()).toContain("· done"), { timeout: 30_000 });
    expect(app.lastFrame()).toContain("small (edited)");
    app.unmount();
  });

  it("switches the trigger between unallocated work and open cases with ←/→ or t, and re-runs", async () => {
    const app = await ready();
    await press(app, "3");
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/› Trigger measure +unallocated/));
    await press(app, RIGHT);
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/› Trigger measure +open-cases/));
    expect(app.lastFrame()).toContain("small (edited)");
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/Forced allocations +4 +19 +\+16$/m), { timeout: 30_000 });
    await vi.waitFor(() => expect(app.lastFrame()).toContain("4/4 replications · 0.0 s · done"), { timeout: 30_000 });
    expect(app.lastFrame()).toMatchSnapshot("trigger on open cases");
    await press(app, "t");
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/› Trigger measure +unallocated/));
    expect(app.lastFrame()).not.toContain("(edited)");
    await press(app, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, RIGHT); // release: unallocated 0.50 → 0.75
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/› Release: unallocated, wks ≤ +0\.75/));
    app.unmount();
  });

  it("refuses an edit the schema does not allow, naming the field", async () => {
    const app = await ready();
    await press(app, "3", DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, RIGHT, RIGHT); // filing margin 8 → 10, fine
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/Filing margin, weeks +10/));
    await press(app, UP, UP, UP, UP, UP, UP); // trigger ratio
    for (let i = 0; i < 3; i++) await press(app, LEFT); // 1.20 → 1.05, below the release ratio 1.10
    await vi.waitFor(() => expect(app.lastFrame()).toContain("protocol.triggerRatio 1.05 refused: releaseRatio must not exceed triggerRatio"));
    expect(app.lastFrame()).toMatch(/Trigger: open ÷ baseline ≥ +1\.10/);
    app.unmount();
  });

  it("appraises a Cafcass Plus roll-out chosen area by area, pair by pair", async () => {
    const app = await ready();
    await press(app, "4");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("No roll-out areas chosen"));
    await press(app, " ");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("[x] North"));
    await vi.waitFor(() => expect(app.lastFrame()).toContain("4/4 pairs"), { timeout: 30_000 });
    expect(app.lastFrame()).toMatchSnapshot("cafcass plus");
    await press(app, " ");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("No roll-out areas chosen"));
    app.unmount();
  });

  it("appraises a declared intervention chosen with →, and shows its effect on waits for an FCA and hubs", async () => {
    const app = renderApp({ scenario: scenarioOf({ ...tuiScenario(), interventions: [preCmh([])] }) });
    await vi.waitFor(() => expect(app.lastFrame()).toContain("4/4 replications · 0.0 s · done"), { timeout: 30_000 });
    await press(app, "4", RIGHT);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("‹ pre-cmh (0 live, 0 roll-out) ›"));
    await press(app, " ");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("4/4 pairs"), { timeout: 30_000 });
    const frame = app.lastFrame()!;
    expect(frame).toContain("‹ pre-cmh (0 live, 1 roll-out) ›");
    expect(frame).toMatch(/\[x\] North/);
    expect(frame).toMatch(/Wait for FCA [+−-]?[\d.]+ wks · >12 wks [+−-]?\d+/);
    expect(frame).toMatch(/Hub end [+−-]?\d+ · hub wait [+−-]?[\d.]+ wks/);
    expect(frame).not.toContain("more diverted"); // only the Plus cohort can be diverted
    expect(Math.max(...frame.split("\n").map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(frame.split("\n").length).toBeLessThanOrEqual(24);
    app.unmount();
  });

  it("draws the roll-out's cumulative net saving under its figures when the terminal is tall enough", async () => {
    const app = await ready({ columns: 132, rows: 43 });
    await press(app, "4");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("No roll-out areas chosen"));
    await press(app, " ");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("4/4 pairs"), { timeout: 30_000 });
    const lines = app.lastFrame()!.split("\n");
    expect(lines.some((l) => l.includes("Cumulative net saving (PV), 50%/90% bands"))).toBe(true);
    expect(lines.some((l) => /week 0 … \d+ · (break-even week [\d.]+|never breaks even)/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes("━"))).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(43);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(132);
    app.unmount();
  });

  it("edits the scenario's levers, opens another file and saves the edited scenario", async () => {
    const app = await ready();
    await press(app, "5", DOWN, DOWN, RIGHT, RIGHT); // demand multiplier 1.00 → 1.10
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/Demand multiplier +1\.10/));
    await press(app, "w");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Save as: scenarios/small-edited.json"));
    await press(app, "\u007F", "\u007F", "\u007F", "\u007F", "\u007F", "2.json", ENTER);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Saved scenarios/small-edited2.json"));
    expect(app.saved).toHaveLength(1);
    expect(app.saved[0]!.file).toBe("scenarios/small-edited2.json");
    expect(app.saved[0]!.scenario.national.demand.multiplier).toBe(1.1);
    await press(app, UP, ENTER);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("other · 13 weeks"));
    expect(app.lastFrame()).toContain("Opened scenarios/other.json");
    app.unmount();
  });

  it("adds a dated staffing change in an area with the staffing lever, re-runs on it and saves it", async () => {
    const seen: Scenario[] = [];
    const recording: ForecastRunner = (scenario, plan, signal) => {
      seen.push(scenario);
      return inProcessRunner(scenario, plan, signal);
    };
    const app = renderApp({ runner: recording });
    await vi.waitFor(() => expect(app.lastFrame()).toContain("4/4 replications · 0.0 s · done"), { timeout: 30_000 });
    await press(app, "5", ...Array<string>(9).fill(DOWN)); // two files, seven levers: the staffing lever's area
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/› Extra FTE in \(area\) +North +has 30 long-term FTE/));
    await press(app, RIGHT, DOWN, RIGHT, RIGHT, DOWN, RIGHT, RIGHT); // South, +10 FTE, from 8 weeks after the start
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/› +from \(steps of 4 weeks\) +2026-03-02/));
    expect(app.lastFrame()).toMatch(/long-term FTE, steps of 5 +\+10 +posts added/);
    expect(app.lastFrame()).toContain("Staffing changes: South +10 FTE from 2026-03-02 (start)");
    expect(app.lastFrame()).toContain("small (edited)");
    const change = { from: "2026-03-02", fte: 10, team: "long-term", how: "start", note: "extra FTE set in the TUI" };
    await vi.waitFor(() => expect(seen.at(-1)!.areas[1]!.staffing).toEqual([change]));
    expect(seen.at(-1)!.areas[0]!.staffing).toEqual([]);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("4/4 replications · 0.0 s · done"), { timeout: 30_000 });
    expect(app.lastFrame()).toMatchSnapshot("staffing lever");
    await press(app, "w", ENTER);
    await vi.waitFor(() => expect(app.saved).toHaveLength(1));
    expect(app.saved[0]!.scenario.areas[1]!.staffing).toEqual([change]);
    await press(app, UP, LEFT, LEFT); // back to no change: the scenario as loaded
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/› +long-term FTE, steps of 5 +0 +no change/));
    expect(app.lastFrame()).not.toContain("(edited)");
    app.unmount();
  });
});

describe("runs in the TUI", () => {
  /** A runner that yields one partial snapshot and then waits until aborted, recording its signals. */
  function hangingRunner() {
    const signals: AbortSignal[] = [];
    const runner: ForecastRunner = async function* (scenario, plan, signal) {
      signals.push(signal);
      const weekly = new Float64Array(4 * 3 * WEEKLY_METRICS.length).fill(2);
      const snapshot: LiveSnapshot = { forecast: partialForecast(scenario, plan, 4, weekly), done: 0, total: plan.replications, weeks: 4 };
      yield snapshot;
      await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
    };
    return { runner, signals };
  }

  it("streams the first replication's weeks, cancels the run in flight on an edit, and stays responsive", async () => {
    const { runner, signals } = hangingRunner();
    const app = renderApp({ runner });
    await vi.waitFor(() => expect(app.lastFrame()).toContain("0/4 replications · 0.0 s · first replication, week 4 of 26"));
    expect(app.lastFrame()).toContain("Hub backlog week 4 so far: 2");
    await press(app, "3", RIGHT);
    await vi.waitFor(() => expect(signals).toHaveLength(2));
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
    await press(app, "2");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("─ in hubs ─"));
    app.unmount();
    expect(signals[1]!.aborted).toBe(true);
  });

  it("compares with the loaded scenario's replications so far when an edit interrupts its run", async () => {
    // Every run stops halfway: its replications are all done, but it claims twice as many.
    const halfway: ForecastRunner = async function* (scenario, plan, signal) {
      for await (const s of inProcessRunner(scenario, plan, signal)) yield { ...s, total: 2 * s.total };
      await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
    };
    const app = renderApp({ runner: halfway });
    await vi.waitFor(() => expect(app.lastFrame()).toContain("4/8 replications"), { timeout: 30_000 });
    await press(app, "3", " ");
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/Forced allocations +4 +0 +-4$/m), { timeout: 30_000 });
    expect(app.lastFrame()).toContain("loaded 4/8 reps, now 4/8 reps");
    app.unmount();
  });

  it("never draws the previous setting's figures as 'now', not even in the frame the edit is first drawn in", async () => {
    // The first run finishes; the edited one never yields.
    let runs = 0;
    const runner: ForecastRunner = async function* (scenario, plan, signal) {
      if (runs++ === 0) yield* inProcessRunner(scenario, plan, signal);
      else await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
    };
    const app = renderApp({ runner });
    await vi.waitFor(() => expect(app.lastFrame()).toContain("4/4 replications · 0.0 s · done"), { timeout: 30_000 });
    await press(app, "3", RIGHT);
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/Trigger measure +open-cases/));
    const edited = app.frames.filter((f) => /Trigger measure +open-cases/.test(f));
    expect(edited.length).toBeGreaterThan(0);
    for (const frame of edited) expect(frame).toMatch(/Forced allocations +4 +– +–$/m);
    app.unmount();
  });

  it("quits on q, cancelling the run", async () => {
    const { runner, signals } = hangingRunner();
    const app = renderApp({ runner });
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    await press(app, "q");
    await vi.waitFor(() => expect(signals[0]!.aborted).toBe(true));
  });

  it("shows a failed run's reason in the status line", async () => {
    // eslint-disable-next-line require-yield
    const runner: ForecastRunner = async function* () {
      throw new Error("worker died");
    };
    const app = renderApp({ runner });
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Run failed: worker died"));
    app.unmount();
  });
});

describe("the TUI's size and colour", () => {
  // A view taller than its box loses its last lines silently under the status line, so each
  // view's last line must be seen.
  const LAST_LINE: readonly (readonly [string, RegExp])[] = [
    ["1", /^Hub open \(/], ["m", /^Hub open \(/], ["2", /^cases: medians/], [ENTER, /^ +Jan 2026 +Jul 2026$/], [ESC, /^cases: medians/],
    ["3", /Wind-down weeks/], ["4", /parameters fixed$/], ["5", /Seed/], ["6", /^Enter: bisection on common random numbers/], ["?", /so changes are paired\.$/],
  ];

  it.each([[80, 24], [100, 30], [132, 43]])("fits %i×%i in every view, the awaiting chart and the area drill-down, last lines showing", async (columns, rows) => {
    const app = await ready({ columns, rows });
    for (const [key, last] of LAST_LINE) {
      await press(app, key);
      await settle(50);
      const lines = app.lastFrame()!.split("\n");
      expect(lines.length, `view ${key}`).toBeLessThanOrEqual(rows);
      expect(Math.max(...lines.map((l) => [...l].length)), `view ${key}`).toBeLessThanOrEqual(columns);
      expect(lines.slice(0, -2).some((l) => last.test(l)), `view ${key}: ${last}`).toBe(true);
      if (key === "?") await press(app, "?");
    }
    app.unmount();
  });

  it("draws no colour codes when colour is off (NO_COLOR)", async () => {
    const app = await ready();
    expect(app.lastFrame()).not.toMatch(/\u001B\[/);
    app.unmount();
  });
});

