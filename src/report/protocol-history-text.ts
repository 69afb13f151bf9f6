import type { AreaProtocolHistory, TransitionSummary } from "../experiment/index.js";
import type { Protocol } from "../model/index.js";
import { fmt, percent } from "./number-format.js";

/**
 * Why and when an area's hub opened, in a sentence a manager can read: "A15 London: hub opened in
 * 14 of 20 replications, first in week 31 (median; 90% of replications weeks 20–48); when the
 * protocol was triggered, 210 cases were unallocated and 0 held in the hub = 3.1 weeks of
 * allocation capacity, average caseload 20.4, 62% of FCAs at or above the cap, for 4 weeks in a
 * row; closed again in 9, median week 80." `triggerWeeks` is how long the trigger must hold and
 * `trigger` what it watches (under "open-cases" the sentence leads with open cases ÷ baseline).
 */
export function protocolHistoryText(h: AreaProtocolHistory, triggerWeeks: number, trigger: Protocol["trigger"] = "unallocated"): string {
  const opened = h.opened, triggered = h.triggered;
  if (opened === undefined) {
    if (triggered !== undefined) return `${h.area}: the protocol was triggered in ${h.replications === 1 ? "the replication" : `${triggered.replications} of ${h.replications} replications`} but no hub opened within the horizon.`;
    return h.closed === undefined ? `${h.area}: no hub opened in any of ${h.replications} replications.` : `${h.area}: hub open from the start; ${closedText(h.closed, h.replications)}.`;
  }
  const parts = [`${h.area}: hub opened in ${opened.replications} of ${h.replications} replications, first in week ${when(opened)}`];
  if (triggered !== undefined) parts.push(`when the protocol was triggered, ${figures(triggered, trigger)}, for ${triggerWeeks} weeks in a row`);
  else parts.push("open from the start");
  parts.push(h.closed === undefined ? "not closed within the horizon" : `closed again in ${h.closed.replications}, median week ${fmt(h.closed.medianWeek)}`);
  return `${parts.join("; ")}.`;
}

function figures(s: TransitionSummary, trigger: Protocol["trigger"]): string {
  const f = s.figures, load = `average caseload ${fmt(f.averageCaseload, 1)}, ${percent(f.shareOverCap)} of FCAs at or above the cap`;
  const held = `${fmt(f.awaiting)} cases were unallocated and ${fmt(f.hub)} held in the hub = ${fmt(f.unallocatedWeeks, 1)} weeks of allocation capacity`;
  return trigger === "open-cases" ? `open cases were ${fmt(f.openRatio, 2)} × the baseline, ${load} (${held})` : `${held}, ${load}`;
}

function closedText(s: TransitionSummary, replications: number): string {
  return `closed in ${s.replications} of ${replications} replications, week ${when(s)}`;
}

function when(s: TransitionSummary): string {
  return s.p5Week === s.p95Week ? `${fmt(s.medianWeek)} (median)` : `${fmt(s.medianWeek)} (median; 90% of replications weeks ${fmt(s.p5Week)}–${fmt(s.p95Week)})`;
}
