import type { SelfCheckRow } from "../experiment/index.js";
import { textTable } from "./text-table.js";

/** The kernel self-check as a text table with a one-line verdict. */
export function selfCheckReport(rows: readonly SelfCheckRow[], replications: number, seed: number): string {
  const table = textTable(
    ["queue", "measure", "analytic", "simulated", "95% CI ±", "covers"],
    rows.map((r) => [r.queue, r.measure, r.analytic.toFixed(4), r.mean.toFixed(4), r.halfWidth.toFixed(4), r.covered ? "yes" : "NO"]),
    ["left", "left", "right", "right", "right", "left"],
  );
  const covered = rows.filter((r) => r.covered).length;
  return [
    `Kernel self-check: ${replications} replications per queue, seed ${seed}`,
    table,
    `${covered} of ${rows.length} intervals cover the closed form (about 95% should).`,
  ].join("\n");
}
