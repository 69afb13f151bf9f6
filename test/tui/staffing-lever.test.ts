import { describe, expect, it } from "vitest";
import type { Scenario } from "../../src/model/index.js";
import { firstStaffingDraft, moveStaffing, STAFFING_NOTE, staffingSetting, type StaffingDraft, type StaffingField } from "../../src/tui/staffing-lever.js";
import { tuiScenario } from "./harness.js";

/** Moves the lever through `steps` from the scenario's first draft, failing on a refusal. */
function moved(s: Scenario, ...steps: (readonly [StaffingField, 1 | -1])[]): { scenario: Scenario; draft: StaffingDraft } {
  return steps.reduce((at, [field, direction]) => {
    const next = moveStaffing(at.scenario, at.draft, field, direction);
    if ("error" in next) throw new Error(next.error);
    return next;
  }, { scenario: s, draft: firstStaffingDraft(s) });
}

describe("the staffing lever", () => {
  const s = tuiScenario(); // starts 2026-01-05, 26 weeks, North and South

  it("adds 5 long-term FTE a step in the chosen area from the scenario's start, as new starters, marked as the lever's", () => {
    const { scenario } = moved(s, ["area", 1], ["fte", 1], ["fte", 1]);
    expect(scenario.areas[1]!.staffing).toEqual([{ from: "2026-01-05", fte: 10, team: "long-term", how: "start", note: STAFFING_NOTE }]);
    expect(scenario.areas[0]!.staffing).toEqual([]);
  });

  it("moves the date 4 weeks a step and changes how the posts arrive, keeping one change per area", () => {
    const { scenario } = moved(s, ["fte", 1], ["from", 1], ["from", 1], ["how", 1]);
    expect(scenario.areas[0]!.staffing).toEqual([{ from: "2026-03-02", fte: 5, team: "long-term", how: "recruit", note: STAFFING_NOTE }]);
  });

  it("keeps a date chosen before any FTE for when the change is made", () => {
    const { scenario, draft } = moved(s, ["from", 1]);
    expect(scenario).toBe(s);
    expect(draft.from).toBe("2026-02-02");
    expect(moved(s, ["from", 1], ["fte", -1]).scenario.areas[0]!.staffing).toEqual([{ from: "2026-02-02", fte: -5, team: "long-term", how: "start", note: STAFFING_NOTE }]);
  });

  it("takes the change out at 0 FTE and leaves the file's own changes alone", () => {
    const own = { from: "2026-02-02", fte: 3, team: "long-term" as const, how: "transfer" as const, note: "team moved in" };
    const withOwn: Scenario = { ...s, areas: [{ ...s.areas[0]!, staffing: [own] }, s.areas[1]!] };
    expect(moved(withOwn, ["fte", 1]).scenario.areas[0]!.staffing).toHaveLength(2);
    expect(moved(withOwn, ["fte", 1], ["fte", -1]).scenario.areas[0]!.staffing).toEqual([own]);
    expect(staffingSetting(withOwn, firstStaffingDraft(withOwn)).fte).toBe(0);
  });

  it("goes round the areas, showing each area's own change", () => {
    const { scenario, draft } = moved(s, ["area", 1], ["fte", 1], ["from", 1], ["area", 1]);
    expect(draft).toEqual({ area: 0, from: "2026-02-02", how: "start" });
    expect(staffingSetting(scenario, { ...draft, area: 1 })).toEqual({ fte: 5, from: "2026-02-02", how: "start" });
    expect(staffingSetting(scenario, draft).fte).toBe(0);
  });

  it("refuses a date before the start or past the horizon, saying why", () => {
    expect(moveStaffing(s, firstStaffingDraft(s), "from", -1)).toEqual({ error: "A staffing change from 2025-12-08 would fall outside the horizon (2026-01-05 for 26 weeks)" });
    const late = moved(s, ...Array<readonly [StaffingField, 1]>(6).fill(["from", 1]));
    expect(late.draft.from).toBe("2026-06-22");
    expect("error" in moveStaffing(late.scenario, late.draft, "from", 1)).toBe(true);
  });
});
