import { describe, expect, it } from "vitest";
import type { SeekPoint, SeekSpec } from "../../src/experiment/index.js";
import { firstGoalDraft, goalPlan, horizonMonths, moveGoal, targetText, type GoalDraft, type GoalRow } from "../../src/tui/goal-draft.js";
import { applyGoalLever, GOAL_LEVERS, searchBase } from "../../src/tui/goal-levers.js";
import { brackets } from "../../src/tui/goal-results.js";
import { STAFFING_NOTE } from "../../src/tui/staffing-lever.js";
import { tuiScenario } from "./harness.js";

const s = tuiScenario(); // 26 weeks from 2026-01-05: January to July 2026

/** The draft after a series of moves, each [row, direction]. */
function moved(...moves: [GoalRow, 1 | -1][]): GoalDraft {
  return moves.reduce<GoalDraft>((g, [row, d]) => {
    const next = moveGoal(s, g, row, d);
    if ("error" in next) throw new Error(next.error);
    return next;
  }, firstGoalDraft(s));
}

const point = (value: number, meets: boolean): SeekPoint => ({ value, successes: meets ? 4 : 0, n: 4, p: meets ? 1 : 0, lower: 0, upper: 1, measureMean: 0, meets });

describe("the Goal view's draft", () => {
  it("writes the target as seek's --target: whole horizon, then an area and a window of months", () => {
    expect(horizonMonths(s)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07"]);
    expect(targetText(s, firstGoalDraft(s))).toBe("hub_backlog <= 50");
    const g = moved(["where", -1], ["first", 1], ["first", 1], ["last", -1], ["op", 1], ["value", 1]);
    expect(targetText(s, g)).toBe("hub_backlog@South@2026-03..2026-06 < 55");
  });

  it("keeps the window's first month at or before its last, and a whole-run measure without a window", () => {
    const g = moved(["last", -1], ["last", -1], ["first", 1], ["first", 1], ["first", 1], ["first", 1], ["first", 1], ["first", 1]);
    expect(targetText(s, g)).toBe("hub_backlog@2026-05..2026-05 <= 50");
    expect(targetText(s, moved(["first", 1], ["measure", 1], ["measure", 1], ["measure", 1]))).toBe("hub_wait_p90 <= 12");
  });

  it("steps the staffing date by four weeks inside the horizon and refuses one outside it", () => {
    expect(moved(["from", 1], ["from", 1]).staffing.from).toBe("2026-03-02");
    expect(moveGoal(s, firstGoalDraft(s), "from", -1)).toEqual({ error: "2025-12-08 is outside the horizon (2026-01-05 for 26 weeks)" });
  });

  it("turns a lever's default direction with the lever, and the user can turn it back", () => {
    const hold = moved(["lever", 1], ["lever", 1], ["lever", 1], ["lever", 1]);
    expect([GOAL_LEVERS[hold.lever]!.path, hold.direction]).toEqual(["protocol.maxHoldWeeks", "maximise"]);
    expect(moveGoal(s, hold, "direction", 1)).toMatchObject({ direction: "minimise" });
  });

  it("plans extra FTE as the FTE of one managed change in the area, at the draft's date and arrival, the file's own changes kept", () => {
    const planned = goalPlan(s, moved(["area", 1], ["from", 1]));
    if ("error" in planned) throw new Error(planned.error);
    expect(planned.spec).toMatchObject({ path: "areas[1].staffing[0].fte", lo: 0, hi: 60, integer: true, confidence: 0.9, direction: "minimise" });
    expect(planned.base.areas[1]!.staffing).toEqual([{ from: "2026-02-02", fte: 0, team: "long-term", how: "transfer", note: STAFFING_NOTE }]);
    expect(planned.plan).toEqual({ replications: 4, seed: 7 });
  });

  it("refuses a threshold the protocol does not read", () => {
    expect(goalPlan(s, moved(["lever", 1], ["lever", 1]))).toEqual({ error: "protocol.triggerRatio is not read while the trigger watches unallocated (t in Protocol switches it)" });
  });

  it("applies an answer to a scenario field, or to the area's managed change", () => {
    const applied = applyGoalLever(s, GOAL_LEVERS[4]!, firstGoalDraft(s).staffing, 11);
    expect("scenario" in applied && applied.scenario.protocol.maxHoldWeeks).toBe(11);
    const staffed = applyGoalLever(s, GOAL_LEVERS[0]!, { area: 1, from: "2026-03-02", how: "start" }, 7);
    expect("scenario" in staffed && staffed.scenario.areas[1]!.staffing).toEqual([{ from: "2026-03-02", fte: 7, team: "long-term", how: "start", note: STAFFING_NOTE }]);
    expect(searchBase(s, GOAL_LEVERS[1]!, firstGoalDraft(s).staffing)).toEqual({ base: s, path: "national.workforce.fteMultiplier" });
  });
});

describe("where the answer lies as a search narrows", () => {
  const spec = (direction: SeekSpec["direction"]): SeekSpec => ({ path: "x", lo: 4, hi: 26, integer: true, direction, confidence: 0.9, target: undefined as never });

  it("moves the meeting edge down and the failing edge up when minimising", () => {
    expect(brackets(spec("minimise"), [point(26, true), point(4, false), point(15, true), point(9, false)])).toEqual([[4, 26], [4, 26], [4, 15], [9, 15]]);
  });

  it("moves the meeting edge up and the failing edge down when maximising", () => {
    expect(brackets(spec("maximise"), [point(4, true), point(26, false), point(15, true), point(20, false)])).toEqual([[4, 26], [4, 26], [15, 26], [15, 20]]);
  });

  it("closes on the near end when it already meets the target, and on nothing when the far end does not", () => {
    expect(brackets(spec("minimise"), [point(26, true), point(4, true)])).toEqual([[4, 26], [4, 4]]);
    expect(brackets(spec("maximise"), [point(4, false)]).map(([lo]) => Number.isNaN(lo))).toEqual([true]);
  });
});
