import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { PlusView } from "../../src/tui/plus-view.js";
import { tuiScenario } from "./harness.js";

describe("the Cafcass Plus view", () => {
  const scenario = tuiScenario((s) => ({ ...s, areas: Array.from({ length: 30 }, (_, i) => ({ ...s.areas[0]!, name: `Area ${i + 1}` })) }));
  const idle = { snapshot: undefined, stale: false, running: false, error: undefined, seconds: 0 };
  const view = (message: string | undefined) => render(<PlusView scenario={scenario} run={idle} selected={29} message={message} width={80} height={20} />).lastFrame()!.split("\n");

  it("scrolls its area list to leave room for its notes, wrapped to the width, and a message", () => {
    for (const message of [undefined, "a message"]) {
      const lines = view(message);
      expect(lines, `message ${message}`).toHaveLength(20);
      expect(lines.some((l) => /^› \[ \] Area 30( |$)/.test(l)), `message ${message}`).toBe(true);
      expect(lines.slice(message === undefined ? -4 : -5, message === undefined ? undefined : -1)).toEqual([
        "[●] live site, [x] roll-out from 2026-01-05; money: present values, means across",
        "pairs",
        "90%: across pairs · simulation noise and Plus effect sizes drawn per pair; other",
        "parameters fixed",
      ]);
      if (message !== undefined) expect(lines.at(-1)).toBe(message);
    }
  });
});
