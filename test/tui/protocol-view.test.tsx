import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { ProtocolView } from "../../src/tui/protocol-view.js";
import { partialForecast, type PosteriorDraws } from "../../src/experiment/index.js";
import { tuiScenario } from "./harness.js";

describe("the Protocol view", () => {
  it("names the areas whose own thresholds its national edits do not change", () => {
    const scenario = tuiScenario((s) => ({ ...s, areas: [{ ...s.areas[0]!, protocol: { triggerUnallocatedWeeks: 2, releaseWeeks: 6 } }, s.areas[1]!] }));
    const frame = render(<ProtocolView scenario={scenario} loaded={undefined} now={undefined} chart={undefined} selected={1} message={undefined} width={100} height={26} />).lastFrame()!;
    expect(frame).toContain("Own thresholds, not changed here: North (triggerUnallocatedWeeks, releaseWeeks)");
    expect(frame).toMatch(/Weeks to allocation +– +– +–/);
  });

  it("shows a threshold the run draws from a posterior as the draws' mean, marked ~, and says what that means", () => {
    const scenario = tuiScenario();
    const posterior: PosteriorDraws = { name: "posterior-2025.json", paths: ["protocol.triggerUnallocatedWeeks"], particles: [{ theta: [2], weight: 0.25 }, { theta: [4], weight: 0.75 }] };
    const forecast = partialForecast(scenario, { replications: 2, seed: 1, posterior }, 0, new Float64Array(0));
    const now = { forecast, done: 0, total: 2, weeks: 0 };
    const frame = render(<ProtocolView scenario={scenario} loaded={undefined} now={now} chart={undefined} selected={0} message={undefined} width={100} height={26} />).lastFrame()!;
    expect(frame).toMatch(/Trigger: unallocated, wks ≥ +~3\.50/); // 0.25 × 2 + 0.75 × 4
    expect(frame).toContain("~ drawn for each replication from posterior-2025.json (mean shown); editing it fixes it");
    expect(frame).toMatch(/Release: unallocated, wks ≤ +0\.50/); // not drawn: the scenario's own value
  });
});
