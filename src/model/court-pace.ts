import { simulatedDay } from "./calendar.js";
import type { CaseFlow } from "./case-flow.js";
import { ALLOCATED, FURTHER, PUBLIC } from "./case-store.js";
import type { ModelState } from "./model-state.js";

/**
 * Schedules the court slowdowns that apply to cases open in them: at each day such a period begins
 * or ends, every open case's remaining time is multiplied by the new pace ÷ the old (cases begun
 * inside a period already carry its multiplier from referral, so at its end they are set back).
 * A period already under way on the first simulated day slows the cases open then at once; one
 * over before it is ignored.
 */
export function scheduleCourtPace(s: ModelState, flow: CaseFlow): void {
  const open = s.scenario.national.durations.slowdowns.filter((p) => p.applies === "open");
  if (open.length === 0) return;
  const day = (date: string): number => simulatedDay(s.scenario.startDate, s.warmupDays, date);
  // A period over before the first simulated day slows nothing: cases open then were drawn at the normal pace.
  const spans = open.map((p) => ({ from: day(p.from), to: p.to === undefined ? Infinity : day(p.to), m: p.multiplier })).filter((p) => p.to > 0);
  const pace = (t: number): number => spans.reduce((m, p) => (t >= p.from && t < p.to ? m * p.m : m), 1);
  const boundaries = [...new Set(spans.flatMap((p) => [Math.max(0, p.from), p.to]).filter((t) => t < s.totalDays))].sort((a, b) => a - b);
  for (const t of boundaries) {
    const ratio = pace(t) / (t === 0 ? 1 : pace(t - 1e-9));
    if (ratio !== 1) s.sim.scheduleAt(t, () => retime(s, flow, ratio), 0, -2);
  }
}

/**
 * Courts change pace now: every open public law case and further-work case has the time it has left
 * multiplied by `ratio` (its proceedings or work progress that much slower from now on).
 */
function retime(s: ModelState, flow: CaseFlow, ratio: number): void {
  const { cases, sim } = s, now = sim.now;
  cases.forEachOpen((id) => {
    const kind = cases.kind[id]!;
    if (kind === PUBLIC) {
      sim.cancel(cases.closeHandle[id]!);
      cases.closeDay[id] = now + (cases.closeDay[id]! - now) * ratio;
      cases.closeHandle[id] = sim.scheduleAt(cases.closeDay[id]!, flow.close, id);
    } else if (kind === FURTHER && cases.status[id] === ALLOCATED) {
      sim.cancel(cases.closeHandle[id]!);
      cases.workEndDay[id] = now + (cases.workEndDay[id]! - now) * ratio;
      cases.closeHandle[id] = sim.scheduleAt(cases.workEndDay[id]!, flow.close, id);
    } else if (kind === FURTHER) cases.remainingDays[id]! *= ratio;
  });
}
