import type { Sensitivity } from "../experiment/index.js";
import { csvNumber, csvText } from "./csv-line.js";
import { fmt, money } from "./number-format.js";
import { textTable } from "./text-table.js";

const value = (x: number): string => (Math.abs(x) >= 100 ? fmt(x) : fmt(x, Number.isInteger(x) ? 0 : Math.abs(x) < 1 ? 3 : 1));

/** One-way sensitivity as a text table (tornado data), widest swing in mean total NPV first. */
export function tornadoText(s: Sensitivity): string {
  const header = ["input", "base", "low", "high", "NPV at low", "NPV at high", "swing", "runs", "range from"];
  const rows = s.rows.map((r) => [r.input, value(r.base), value(r.low), value(r.high), money(r.npvLow), money(r.npvHigh), money(r.swing), r.kind === "model" ? "re-run" : "re-costed", r.source]);
  return [
    `One-way sensitivity of the mean total NPV (base ${money(s.baseNpv)}): each input alone at the ends of its calibration range.`,
    `Effects are fixed at the value (no draw); cost inputs and the effects that change only what is counted (expert reports, guardian hours) re-cost the same runs; ${rerunText(s, s.base.summary.areas)}`,
    "",
    textTable(header, rows, ["left", "right", "right", "right", "right", "right", "right", "left", "left"]),
  ].join("\n");
}

/** How model inputs were re-run: on which areas, and whether the do-nothing arm was reused. */
export function rerunText(s: Pick<Sensitivity, "rolloutAreasOnly" | "reusedDoNothing">, rolloutAreas: readonly string[]): string {
  const areas = s.rolloutAreasOnly
    ? `on the roll-out areas alone (${rolloutAreas.join("; ")}): areas do not interact, so the others cancel between the arms, as the full base run confirmed replication by replication`
    : "on every area";
  return `model inputs re-run the arms on the same random numbers ${areas}${s.reusedDoNothing ? "; inputs acting only where the intervention is live reuse the do-nothing arm" : ""}.`;
}

/** The tornado as tidy CSV: one row per input. */
export function tornadoCsv(s: Sensitivity): string {
  const lines = ["input,path,kind,base,low,high,npv_low,npv_high,swing,base_npv,source"];
  for (const r of s.rows) lines.push([csvText(r.input), r.path, r.kind, ...[r.base, r.low, r.high, r.npvLow, r.npvHigh, r.swing, s.baseNpv].map(csvNumber), csvText(r.source)].join(","));
  return lines.join("\n") + "\n";
}
