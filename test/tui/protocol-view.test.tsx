import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { ProtocolView } from "../../src/tui/protocol-view.js";
import { tuiScenario } from "./harness.js";

describe("the Protocol view", () => {
  it("names the areas whose own thresholds its national edits do not change", () => {
    const scenario = tuiScenario((s) => ({ ...s, areas: [{ ...s.areas[0]!, protocol: { triggerUnallocatedWeeks: 2, releaseWeeks: 6 } }, s.areas[1]!] }));
    const frame = render(<ProtocolView scenario={scenario} loaded={undefined} now={undefined} chart={undefined} selected={1} message={undefined} width={100} height={26} />).lastFrame()!;
    expect(frame).toContain("Own thresholds, not changed here: North (triggerUnallocatedWeeks, releaseWeeks)");
    expect(frame).toMatch(/Weeks to allocation +– +– +–/);
  });
});
