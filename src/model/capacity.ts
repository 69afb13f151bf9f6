import { WORKING, type Fca } from "./fca-store.js";
import type { Scenario } from "./scenario/index.js";

/** Caseload cap of an FCA on `day`: the team cap × FTE × the new-starter ramp-up share. */
export function effectiveCap(fca: Fca, day: number, teamCap: number, rampUp: Scenario["national"]["workforce"]["rampUp"]): number {
  const weeksIn = (day - fca.startDay) / 7;
  if (weeksIn >= 104) return teamCap * fca.fte; // no ramp-up lasts two years: skip the scan
  let share = 1;
  for (const step of rampUp) {
    if (weeksIn < step.untilWeek) {
      share = step.capShare;
      break;
    }
  }
  return teamCap * fca.fte * share;
}

/**
 * The working FCA among `posts` with the most room under its cap (ties to the first), or -1
 * when none is working. `room` receives that FCA's cap minus caseload (negative when over).
 */
export function roomiestFca(posts: readonly number[], fcas: readonly Fca[], caps: Float64Array, room: Float64Array): number {
  let best = -1, bestRoom = -Infinity;
  for (const f of posts) {
    const fca = fcas[f]!;
    if (fca.state !== WORKING) continue;
    const r = caps[f]! - fca.cases.length;
    if (r > bestRoom) {
      best = f;
      bestRoom = r;
    }
  }
  room[0] = bestRoom;
  return best;
}
