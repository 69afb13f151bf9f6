import { LONG_TERM, type Fca } from "./fca-store.js";
import type { ModelState } from "./model-state.js";
import type { Scenario } from "./scenario/index.js";

/** Weeks after which the ramp-up no longer applies, so a post's cap no longer changes with the day. */
export function rampWeeks(rampUp: Scenario["national"]["workforce"]["rampUp"]): number {
  let weeks = 0;
  for (const step of rampUp) if (step.untilWeek > weeks) weeks = step.untilWeek;
  return weeks;
}

/** The full caseload cap of a team in an area, in cases: the area's own cap if it sets one, else the national one. */
export function teamCap(scenario: Scenario, area: number, team: number): number {
  const w = scenario.national.workforce, own = scenario.areas[area]?.caps;
  return team === LONG_TERM ? (own?.longTerm ?? w.longTermCap) : (own?.shortTerm ?? w.shortTermCap);
}

/** The full cap of a full-time FCA in load units: the case cap, or under weighted caseloads the cap in units (scaled by the area's own cap). */
export function teamCapUnits(scenario: Scenario, area: number, team: number): number {
  const w = scenario.national.workforce, cases = teamCap(scenario, area, team);
  if (team !== LONG_TERM || w.caseload.measure === "count") return cases;
  return w.caseload.weightedLongTermCap * (cases / w.longTermCap);
}

/** Caseload cap of an FCA on `day`: the team cap × FTE × the holder's capacity × the new-starter ramp-up share. */
export function effectiveCap(fca: Fca, day: number, teamCap: number, rampUp: Scenario["national"]["workforce"]["rampUp"]): number {
  const weeksIn = (day - fca.startDay) / 7;
  let share = 1;
  for (const step of rampUp) {
    if (weeksIn < step.untilWeek) {
      share = step.capShare;
      break;
    }
  }
  return teamCap * fca.fte * fca.capacity * share;
}

/**
 * Brings `s.caps` to every post's effective cap on `day`. Only posts that may still be ramping
 * up (`s.ramping`: all at first, then each refilled post) are recomputed; a post leaves the
 * list once past the ramp-up (its cap computed then is final), fixed until it is refilled.
 */
export function computeCaps(s: ModelState, day: number): void {
  const w = s.scenario.national.workforce, list = s.ramping, caps = s.caps, done = rampWeeks(w.rampUp);
  for (let i = 0; i < list.length; ) {
    const f = list[i]!, fca = s.fcas[f]!;
    const cap = effectiveCap(fca, day, teamCapUnits(s.scenario, fca.area, fca.team), w.rampUp);
    if (cap !== caps[f]) {
      caps[f] = cap;
      s.rooms.update(f);
    }
    if ((day - fca.startDay) / 7 >= done) {
      s.isRamping[f] = 0;
      list[i] = list[list.length - 1]!;
      list.pop();
    } else {
      i++;
    }
  }
}

/** Marks post `f` as newly filled, so its cap is recomputed from now on. */
export function markRamping(s: ModelState, f: number): void {
  if (s.isRamping[f] === 1) return;
  s.isRamping[f] = 1;
  s.ramping.push(f);
}
