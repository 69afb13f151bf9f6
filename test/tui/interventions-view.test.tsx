import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { InterventionsView } from "../../src/tui/interventions-view.js";
import { scenarioOf } from "../helpers/small-scenario.js";
import { preCmh } from "../helpers/pre-cmh.js";
import { tuiScenario } from "./harness.js";

describe("the Interventions view", () => {
  const scenario = tuiScenario((s) => ({ ...s, areas: Array.from({ length: 30 }, (_, i) => ({ ...s.areas[0]!, name: `Area ${i + 1}` })) }));
  const idle = { snapshot: undefined, stale: false, running: false, error: undefined, seconds: 0 };
  const view = (message: string | undefined) => render(<InterventionsView scenario={scenario} intervention="cafcass-plus" run={idle} selected={29} message={message} width={80} height={20} />).lastFrame()!.split("\n");

  it("scrolls its area list to leave room for its notes, wrapped to the width, and a message", () => {
    for (const message of [undefined, "a message"]) {
      const lines = view(message);
      expect(lines, `message ${message}`).toHaveLength(20);
      expect(lines[0]).toBe("Interventions: ‹ cafcass-plus (0 live, 0 roll-out) ›");
      expect(lines.some((l) => /^› \[ \] Area 30( |$)/.test(l)), `message ${message}`).toBe(true);
      expect(lines.slice(message === undefined ? -4 : -5, message === undefined ? undefined : -1)).toEqual([
        "[●] live site, [x] roll-out from 2026-01-05; money: present values, means across",
        "pairs",
        "90%: across pairs · simulation noise and effect sizes drawn per pair; other",
        "parameters fixed",
      ]);
      if (message !== undefined) expect(lines.at(-1)).toBe(message);
    }
  });

  it("lists every declared intervention and shows the chosen one's sites and roll-out", () => {
    const withMeeting = scenarioOf({ ...tuiScenario(), interventions: [preCmh(["South"], (v) => (v.where = { sites: [{ area: "North", start: "2025-01-06" }], rollout: { areas: ["South"] } }))] });
    const lines = render(<InterventionsView scenario={withMeeting} intervention="pre-cmh" run={idle} selected={0} message={undefined} width={100} height={20} />).lastFrame()!.split("\n");
    expect(lines[0]).toBe("Interventions:   cafcass-plus (0 live, 0 roll-out)   ‹ pre-cmh (1 live, 1 roll-out) ›");
    expect(lines.find((l) => l.includes("North"))).toMatch(/^› \[●\] North +live 2025-01/);
    expect(lines.find((l) => l.includes("South"))).toMatch(/^ {2}\[x\] South +roll-out/);
    expect(lines.join("\n")).toContain("Running the first pair of replications…");
  });
});
