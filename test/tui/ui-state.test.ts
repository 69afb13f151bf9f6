import { describe, expect, it } from "vitest";
import type { Scenario } from "../../src/model/index.js";
import { initialUiState, onAction, type UiAction } from "../../src/tui/ui-state.js";
import { preCmh } from "../helpers/pre-cmh.js";
import { scenarioOf } from "../helpers/small-scenario.js";
import { tuiScenario } from "./harness.js";

const DOWN = { downArrow: true }, UP = { upArrow: true };
const key = (input: string, k: object = {}, order?: number[]): UiAction => ({ kind: "key", input, key: k, ...(order === undefined ? {} : { order }) });

function threeAreas(): Scenario {
  const s = tuiScenario();
  return { ...s, areas: [...s.areas, { ...s.areas[1]!, name: "West" }] };
}

describe("the TUI's key handling", () => {
  const big = { file: "big.json", scenario: threeAreas() }, small = { file: "small.json", scenario: tuiScenario() };
  const reduce = onAction([big, small]);
  const run = (...actions: UiAction[]) => actions.reduce(reduce, initialUiState(big));

  it("moves through the Areas table in the order drawn, and keeps the same area when the order changes", () => {
    const s = run(key("2"), key("", DOWN, [2, 0, 1])); // area 0 is drawn second: down is the third row, area 1
    expect(s.selectedArea).toBe(1);
    expect(reduce(s, key("", UP, [1, 2, 0])).selectedArea).toBe(1); // now drawn first: up stays on it
    expect(reduce(s, key("", DOWN, [1, 2, 0])).selectedArea).toBe(2);
  });

  it("drills into the selected area, not whatever row sits at the cursor after a re-sort", () => {
    const s = run(key("2"), key("", DOWN, [0, 1, 2]), key("", { return: true }, [2, 1, 0]));
    expect([s.detail, s.selectedArea]).toEqual([true, 1]);
  });

  it("starts the Interventions cursor again when a smaller scenario is opened, so Space never points past the areas", () => {
    let s = run(key("4"), key("", DOWN), key("", DOWN));
    expect(s.plusCursor).toBe(2);
    s = [key("5"), key("", DOWN), key("", { return: true }), key("4"), key(" ")].reduce(reduce, s);
    expect(s.scenario.name).toBe("small");
    expect(s.plusCursor).toBe(0);
    expect(s.scenario.cafcassPlus.rollout.areas).toEqual(["North"]);
  });

  it("refuses to put a live site in the roll-out", () => {
    const site = { ...big, scenario: { ...big.scenario, cafcassPlus: { ...big.scenario.cafcassPlus, sites: [{ area: "North", start: "2020-01-01" }] } } };
    const s = [key("4"), key(" ")].reduce(onAction([site]), initialUiState(site));
    expect(s.message).toBe("North is already a Cafcass Plus site");
    expect(s.scenario.cafcassPlus.rollout.areas).toEqual([]);
  });

  it("chooses an intervention with ←/→ round the declared ones, and Space adds the area to that one's roll-out only", () => {
    const meeting = { file: "meeting.json", scenario: scenarioOf({ ...tuiScenario(), interventions: [preCmh([])] }) };
    const go = (...actions: UiAction[]) => actions.reduce(onAction([meeting]), initialUiState(meeting));
    const RIGHT = { rightArrow: true }, LEFT = { leftArrow: true };
    expect(go(key("4"), key("", RIGHT)).intervention).toBe("pre-cmh");
    expect(go(key("4"), key("", RIGHT), key("", RIGHT)).intervention).toBe("cafcass-plus");
    expect(go(key("4"), key("", LEFT)).intervention).toBe("pre-cmh");
    const s = go(key("4"), key("", RIGHT), key("", DOWN), key(" "));
    expect(s.scenario.interventions[0]!.where.rollout.areas).toEqual(["South"]);
    expect(s.scenario.cafcassPlus.rollout.areas).toEqual([]);
    expect(reduce(s, key(" ")).scenario.interventions[0]!.where.rollout.areas).toEqual([]);
  });

  it("switches the protocol's trigger measure with t anywhere in the Protocol view, or ←/→ on its row, round the two", () => {
    expect(run(key("3"), key("t")).scenario.protocol.trigger).toBe("open-cases");
    expect(run(key("3"), key("t"), key("t")).scenario.protocol.trigger).toBe("unallocated");
    expect(run(key("3"), key("", DOWN), key("", DOWN), key("t")).scenario.protocol.trigger).toBe("open-cases");
    expect(run(key("3"), key("", { leftArrow: true })).scenario.protocol.trigger).toBe("open-cases");
    expect(run(key("1"), key("t")).scenario.protocol.trigger).toBe("unallocated");
  });

  it("quits on q, and types a file name rather than acting on keys while saving", () => {
    expect(run(key("q")).quit).toBe(true);
    const s = run(key("5"), key("w"), key("q"), key("", { backspace: true }));
    expect([s.quit, s.prompt]).toEqual([false, "scenarios/small-edited.json"]);
  });
});

