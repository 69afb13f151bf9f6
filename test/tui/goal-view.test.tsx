import { describe, expect, it, vi } from "vitest";
import { seek, type ReplicationExecutor } from "../../src/experiment/index.js";
import { ReplicationCancelled, type Scenario } from "../../src/model/index.js";
import type { ForecastRunner, Seeker } from "../../src/tui/index.js";
import { STAFFING_NOTE } from "../../src/tui/staffing-lever.js";
import { syntheticExecutor } from "../helpers/synthetic-executor.js";
import { renderApp, settle } from "./harness.js";

const DOWN = "\u001B[B", LEFT = "\u001B[D", RIGHT = "\u001B[C", ENTER = "\r", ESC = "\u001B";

/** No forecast: these tests are about the search, and the forecast would only slow them. */
const noForecast: ForecastRunner = async function* () {};

/** Extra FTE the Goal view's lever has put in North (0 with none). */
const extraFte = (s: Scenario): number => s.areas[0]!.staffing.find((c) => c.note === STAFFING_NOTE)?.fte ?? 0;

/** A known threshold: the national hub backlog is 40 − (extra FTE in North) + replication, so "≤ 30 in 90% of 4" needs 13 FTE (at 12, 3 of 4). */
const threshold = (s: Scenario, replication: number): number => 40 - extraFte(s) + replication;

const seekerOn = (executor: ReplicationExecutor): Seeker => (base, spec, plan, signal) => seek(base, spec, plan, executor, signal);

/** The frame's lines joined with spaces, so a wrapped sentence reads whole. */
const flat = (app: { lastFrame: () => string | undefined }): string => (app.lastFrame() ?? "").split("\n").map((l) => l.trimEnd()).join(" ");

async function press(app: { stdin: { write: (s: string) => void } }, ...keys: string[]) {
  for (const k of keys) {
    app.stdin.write(k);
    await settle(15);
  }
}

/** Opens the Goal view and sets the target's value to 30 (ten rows down, four steps of 5 below 50). */
async function goalAt30(app: ReturnType<typeof renderApp>) {
  await press(app, "6", ...Array<string>(10).fill(DOWN), LEFT, LEFT, LEFT, LEFT);
  await vi.waitFor(() => expect(app.lastFrame()).toContain("→ hub_backlog <= 30 in ≥ 90% of 4 replications"));
}

describe("the Goal view", () => {
  it("shows the lever, the target and the confidence, and the target as seek reads it", async () => {
    const app = renderApp({ runner: noForecast });
    await press(app, "6");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("set now    0 FTE"));
    expect(app.lastFrame()).toMatchSnapshot();
    app.unmount();
  });

  it("moves down the rows that apply and changes the one selected", async () => {
    const app = renderApp({ runner: noForecast });
    await press(app, "6", RIGHT);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("› Lever        FCA FTE multiplier"));
    await press(app, DOWN); // the area, date and arrival are only for extra FTE: skipped
    expect(app.lastFrame()).toContain("› Seek the     smallest in 0.80–1.60");
    await press(app, RIGHT, DOWN, RIGHT, DOWN, RIGHT);
    expect(app.lastFrame()).toContain("  Seek the     largest in 0.80–1.60");
    expect(app.lastFrame()).toContain("  Measure      Awaiting allocation");
    expect(app.lastFrame()).toContain("›   in         North");
    expect(app.lastFrame()).toContain("→ awaiting_allocation@North <= 200 in ≥ 90% of 4 replications");
    app.unmount();
  });

  it("finds a known threshold, showing each value tried with its share, Wilson interval and bracket", async () => {
    const app = renderApp({ runner: noForecast, seeker: seekerOn(syntheticExecutor(threshold)) });
    await goalAt30(app);
    await press(app, ENTER);
    await vi.waitFor(() => expect(flat(app)).toContain("Answer: 13 (smallest in 0–60 to meet it in ≥ 90%): 4/4, 100% (Wilson 51–100%)."));
    const frame = app.lastFrame()!;
    expect(flat(app)).toContain("At 12: 3/4, 75% (Wilson 30–95%). 8 values in 0.0 s. a applies 13.");
    const rows = frame.split("\n").filter((l) => /^ +\d  /.test(l)).map((l) => l.trim().split(/ +/));
    expect(rows.map((r) => [r[1], r[2], r[5], r.at(-1)])).toEqual([
      ["60", "4/4", "meets", "0–60"], ["0", "0/4", "fails", "0–60"], ["30", "4/4", "meets", "0–30"], ["15", "4/4", "meets", "0–15"],
      ["7", "0/4", "fails", "7–15"], ["11", "2/4", "fails", "11–15"], ["13", "4/4", "meets", "11–13"], ["12", "3/4", "fails", "12–13"],
    ]);
    expect(flat(app)).toContain("Intervals hold simulation noise only (fixed parameters)");
    expect(frame).toMatchSnapshot("answer");
    app.unmount();
  });

  it("applies the answer to the scenario as an edit with a, and u undoes it", async () => {
    const app = renderApp({ runner: noForecast, seeker: seekerOn(syntheticExecutor(threshold)) });
    await goalAt30(app);
    await press(app, "a");
    expect(flat(app)).toContain("No answer to apply: Enter searches first");
    await press(app, ENTER);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("a applies 13."));
    await press(app, "a");
    await vi.waitFor(() => expect(flat(app)).toContain("Applied Extra FTE in an area (North from 2026-01-05) = 13 (u undoes every edit)"));
    expect(app.lastFrame()).toContain("small (edited)");
    expect(app.lastFrame()).toContain("set now    13 FTE");
    await press(app, "5");
    expect(app.lastFrame()).toContain("Staffing changes: North +13 FTE from 2026-01-05 (transfer)");
    await press(app, "6", "u");
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Back to the scenario as loaded"));
    expect(app.lastFrame()).toContain("set now    0 FTE");
    expect(app.lastFrame()).not.toContain("(edited)");
    app.unmount();
  });

  it("warns when the shares of the values tried do not rise with the lever", async () => {
    // At 7 FTE one replication in four meets the target, at 11 none: a reversal bisection cannot see past.
    const bumpy = (sc: Scenario, r: number): number => (extraFte(sc) === 7 ? 30 + 2 * r : extraFte(sc) === 11 ? 40 : threshold(sc, r));
    const app = renderApp({ runner: noForecast, seeker: seekerOn(syntheticExecutor(bumpy)) });
    await goalAt30(app);
    await press(app, ENTER);
    await vi.waitFor(() => expect(flat(app)).toContain("Answer: 13"));
    expect(flat(app)).toContain("Not monotone: 7 meets it in 25%, 11 in 0%, within noise: the answer may not be the smallest.");
    app.unmount();
  });

  it("says so when even the far end of the range never meets the target", async () => {
    const app = renderApp({ runner: noForecast, seeker: seekerOn(syntheticExecutor(() => 100)) });
    await goalAt30(app);
    await press(app, ENTER);
    await vi.waitFor(() => expect(flat(app)).toContain("Never in 0–60: even 60 meets the target in 0/4, 0% (Wilson 0–49%). Nothing to apply."));
    await press(app, "a");
    expect(flat(app)).toContain("No answer to apply");
    app.unmount();
  });

  it("cancels a search with Esc: the replications in flight are aborted and no more start", async () => {
    let started = 0, aborted = 0;
    const quick = syntheticExecutor(threshold);
    // The far end (60 FTE) runs at once; any other value waits until its run is aborted.
    const gated: ReplicationExecutor = {
      ...quick,
      run: (task, watch) => {
        started++;
        if (extraFte(task.scenario) === 60) return quick.run(task);
        return new Promise((_, reject) => watch?.signal?.addEventListener("abort", () => {
          aborted++;
          reject(new ReplicationCancelled());
        }));
      },
    };
    const app = renderApp({ runner: noForecast, seeker: seekerOn(gated) });
    await goalAt30(app);
    await press(app, ENTER);
    await vi.waitFor(() => expect(app.lastFrame()).toContain("Searching: 1 of at most 8 values tried, 4 replications each · Esc cancels"));
    expect([started, aborted]).toEqual([6, 0]); // 4 at 60, then 2 at 0 in flight
    await press(app, ESC);
    await vi.waitFor(() => expect(flat(app)).toContain("Cancelled after 1 value: nothing to apply (Enter searches again)."));
    await settle(50);
    expect([started, aborted]).toEqual([6, 2]);
    app.unmount();
  });

  it("refuses to search a threshold the protocol does not read, saying which measure it watches", async () => {
    const app = renderApp({ runner: noForecast });
    await press(app, "6", RIGHT, RIGHT, ENTER);
    await vi.waitFor(() => expect(flat(app)).toContain("Cannot search: protocol.triggerRatio is not read while the trigger watches unallocated (t in Protocol switches it)"));
    app.unmount();
  });
});
