import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { ScenarioView } from "../../src/tui/scenario-view.js";
import { firstStaffingDraft } from "../../src/tui/staffing-lever.js";
import { tuiScenario } from "./harness.js";

describe("the Scenario view", () => {
  const scenario = tuiScenario();
  const catalog = Array.from({ length: 9 }, (_, i) => ({ file: `scenarios/file-${i}.json`, scenario }));
  const view = (selected: number) => render(
    <ScenarioView catalog={catalog} scenario={scenario} loadedFile="scenarios/file-0.json" edited={false} selected={selected} staffing={firstStaffingDraft(scenario)} prompt={undefined} message="a message" width={80} height={20} />,
  );

  it("scrolls its list to keep the selected row in view when files, levers and the staffing lever do not fit", () => {
    const last = view(9 + 7 + 3).lastFrame()!.split("\n");
    expect(last).toHaveLength(20);
    expect(last.at(-3)).toMatch(/^› {3}arriving as +start {2}new starters, ramping up$/);
    expect(last.at(-2)).toBe("a message");
    const first = view(0).lastFrame()!.split("\n");
    expect(first).toHaveLength(20);
    expect(first[0]).toBe("Scenario files (Enter opens; ● = open now)");
    expect(first[1]).toMatch(/^› ● scenarios\/file-0\.json/);
  });
});
