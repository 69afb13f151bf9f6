import { simulatedDay } from "./calendar.js";
import { CLOSED, LONG_TERM, SHORT_TERM } from "./fca-store.js";
import type { AreaState, ModelState } from "./model-state.js";
import type { StaffingChange } from "./scenario/index.js";
import type { Workforce } from "./workforce.js";

/**
 * Schedules the dated changes to the establishment: agency FCAs arriving spread over their start
 * window after `agency.from` and leaving at `agency.to`, and each area's staffing changes (posts
 * opened on their date, or cut). A date before the simulation's first day takes effect on it.
 */
export function scheduleStaffing(s: ModelState, workforce: Workforce): void {
  const day = (date: string): number => Math.max(0, simulatedDay(s.scenario.startDate, s.warmupDays, date));
  const agency = s.scenario.national.workforce.agency;
  for (const area of s.areas) {
    if (agency.share > 0) {
      const from = agency.from === undefined ? 0 : day(agency.from), to = agency.to === undefined ? Infinity : day(agency.to);
      const posts = area.agencyPosts, { min, max } = agency.startWeeks;
      posts.forEach((f, k) => {
        const arrives = from + (min + ((max - min) * (k + 0.5)) / posts.length) * 7;
        if (arrives < Math.min(to, s.totalDays)) s.sim.scheduleAt(arrives, () => workforce.open(f, "transfer"));
      });
      if (to < s.totalDays) s.sim.scheduleAt(to, () => posts.forEach((f) => workforce.close(f)));
    }
    area.spec.staffing.forEach((change, i) => {
      const at = day(change.from);
      if (at >= s.totalDays) return;
      const opened = area.staffingPosts[i]!;
      if (change.fte > 0) s.sim.scheduleAt(at, () => opened.forEach((f) => workforce.open(f, change.how)));
      else s.sim.scheduleAt(at, () => cutPosts(s, area, change, workforce));
    });
  }
}

/** Closes the team's last open (non-agency) posts, whole posts, as near to the cut's FTE as they come (a post goes when over half of it is cut). */
function cutPosts(s: ModelState, area: AreaState, change: StaffingChange, workforce: Workforce): void {
  const team = change.team === "long-term" ? LONG_TERM : SHORT_TERM, posts = team === LONG_TERM ? area.longTerm : area.shortTerm;
  let left = -change.fte;
  for (let i = posts.length - 1; i >= 0 && left > 0; i--) {
    const f = posts[i]!, fca = s.fcas[f]!;
    if (fca.state === CLOSED || fca.agency) continue;
    if (left <= fca.fte / 2) break;
    left -= fca.fte;
    workforce.close(f);
  }
}
