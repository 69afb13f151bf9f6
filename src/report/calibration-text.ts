import { fmt } from "./number-format.js";
import { textTable } from "./text-table.js";
import { wrapText } from "./wrap-text.js";

/** What a calibration's text needs: the fit's setting, each parameter's prior and posterior, and each generation's diagnostics. */
export interface CalibrationView {
  readonly scenario: string;
  readonly until: string;
  readonly observationsFile: string;
  readonly used: number;
  readonly particles: number;
  /** Replications averaged per parameter set. */
  readonly replicationsPerSet: number;
  readonly seed: number;
  readonly parameters: readonly { readonly label: string; readonly prior: string; readonly mean: number; readonly sd: number; readonly p5: number; readonly p50: number; readonly p95: number }[];
  readonly generations: readonly { readonly index: number; readonly tolerance: number | null; readonly simulated: number; readonly acceptanceRate: number; readonly ess: number }[];
  readonly stopped?: string;
}

/** Significant figures enough to tell parameters apart whatever their scale. */
function sig(x: number): string {
  if (!Number.isFinite(x)) return "–";
  const a = Math.abs(x);
  return a >= 100 ? fmt(x, 0) : a >= 10 ? fmt(x, 1) : a >= 1 ? fmt(x, 2) : x.toPrecision(2);
}

/** The calibration as text: the posterior beside each prior, then how the generations narrowed. */
export function calibrationText(c: CalibrationView): string {
  const total = c.generations.reduce((s, g) => s + g.simulated, 0);
  return [
    `hubsim calibrate: ${c.scenario} fitted by ABC-SMC to ${c.used} observations dated up to ${c.until} (${c.observationsFile}); ${c.particles} particles${c.replicationsPerSet > 1 ? ` of ${c.replicationsPerSet} replications each` : ""}, seed ${c.seed}`,
    "",
    textTable(
      ["parameter", "prior", "posterior mean", "sd", "median (90% interval)"],
      c.parameters.map((p) => [p.label, p.prior, sig(p.mean), sig(p.sd), `${sig(p.p50)} (${sig(p.p5)}–${sig(p.p95)})`]),
      ["left", "left", "right", "right", "right"],
    ),
    "",
    textTable(
      ["generation", "tolerance", "simulated", "accepted", "ESS"],
      c.generations.map((g) => [String(g.index), g.tolerance === null ? "∞ (prior)" : g.tolerance.toPrecision(3), fmt(g.simulated), `${fmt(100 * g.acceptanceRate, 1)}%`, fmt(g.ess)]),
      ["right", "right", "right", "right", "right"],
    ),
    "",
    ...wrapText(`${fmt(total)} simulations in all. Distance: each observation's error scaled by its spread in generation 0 (median absolute deviation plus median distance from the observed value), each measure weighing the same. Runs given this posterior (--posterior) draw each replication's parameters from the last generation, so their bands hold simulation noise and parameter uncertainty.`),
    ...(c.stopped === undefined ? [] : ["", ...wrapText(`Stopped early: ${c.stopped}.`)]),
  ].join("\n");
}

/** A prior in a few words, e.g. "uniform 1.6–3.6". */
export function priorWords(d: { kind: string; [k: string]: unknown }): string {
  const n = (k: string): string => sig(d[k] as number);
  switch (d.kind) {
    case "uniform": return `uniform ${n("min")}–${n("max")}`;
    case "normal": return `normal ${n("mean")} ± ${n("sd")}${d.min !== undefined || d.max !== undefined ? ` in [${d.min === undefined ? "−∞" : n("min")}, ${d.max === undefined ? "∞" : n("max")}]` : ""}`;
    case "lognormal": return `lognormal mean ${n("mean")}, CV ${n("cv")}`;
    case "gamma": return `gamma shape ${n("shape")}, rate ${n("rate")}`;
    default: return d.kind;
  }
}
