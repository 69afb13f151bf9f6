import { escapeHtml } from "./escape-html.js";

/** What the STRESS-DES section needs from a run record. */
export interface RunRecordView {
  readonly hubsim: string;
  readonly node: string;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly scenario: { readonly name: string; readonly file: string; readonly sha256: string };
  readonly seed: number;
  readonly replications: number;
  readonly horizonWeeks: number;
  readonly command: readonly string[];
  readonly started: string;
  readonly finished: string;
}

/**
 * The STRESS-DES reporting checklist (Monks et al. 2019), filled from the run record: what the
 * model is for, its logic, its data, the experiment, the implementation and how to get the code
 * and reproduce the run; `bandContent` says what the bands hold.
 */
export function stressDes(r: RunRecordView, warmupWeeks: number, bandContent: string): string {
  const deps = Object.entries(r.dependencies).map(([k, v]) => `${k} ${v}`).join(", ");
  const items: readonly (readonly [string, string])[] = [
    ["1. Objectives", "Forecast, week by week, per service area and nationally, the cases held in Cafcass allocation hubs and their hub waits, the cases waiting for allocation outside hubs and their time to allocation, and FCA caseloads, with the spread across replications, so planners and managers can compare scenarios and prioritisation thresholds."],
    ["2. Logic", "Discrete-event simulation, case by case: daily Poisson referrals per area and stream; public law to a long-term FCA at once; private law to work to first hearing, then closure or further work (P2–P4); daily allocation by tier and filing date under caseload caps, P3/P4 cases waiting unallocated when no FCA has room; FCAs as agents with sickness, attrition, recruitment and ramp-up; a weekly per-area protocol state machine opening allocation hubs that hold P3/P4 further work until capacity frees, the maximum hold or the filing margin. Every week the model checks that referred = closed + allocated + in hub + awaiting."],
    ["3. Data", "Every default comes from ../shared/calibration.md §8 (sources and ranges there); the scenario reference in scenarios/README.md cites the row for each field. Assumptions are marked [A]."],
    ["4. Experimentation", `${r.replications} replications, seed ${r.seed}, independent named random streams per (seed, replication, process); common random numbers across scenarios; horizon ${r.horizonWeeks} weeks; ${warmupWeeks > 0 ? `warm-up ${warmupWeeks} weeks from empty` : "starts from today's backlog (no warm-up)"}; bands are 5/25/50/75/95% quantiles across replications and hold ${bandContent}.`],
    ["5. Implementation", `hubsim ${r.hubsim} (TypeScript) on Node ${r.node}; its own discrete-event kernel validated against M/M/1, Erlang C and priority M/M/c closed forms; dependencies: ${deps}. Run ${r.started} – ${r.finished}.`],
    ["6. Code access and reproduction", `Scenario ${r.scenario.name} (${r.scenario.file}), SHA-256 ${r.scenario.sha256}. Command: ${r.command.join(" ")}. Reproduce exactly with: hubsim rerun run.json`],
  ];
  return `<section id="stress-des"><h2>Model report (STRESS-DES)</h2><dl>${items.map(([h, t]) => `<dt>${escapeHtml(h)}</dt><dd>${escapeHtml(t)}</dd>`).join("")}</dl></section>`;
}
