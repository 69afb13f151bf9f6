import { withPath } from "../experiment/index.js";
import { addDays, daysBetween, scenarioSchema, schemaComplaint, type Scenario, type StaffingChange } from "../model/index.js";

/** How extra posts arrive (model/scenario/area-schema.ts): starters who ramp up, vacancies filled by recruitment, or experienced FCAs. */
export const STAFFING_HOWS = ["start", "recruit", "transfer"] as const;
export type StaffingHow = (typeof STAFFING_HOWS)[number];

/** The rows of the staffing lever, each moved with ←/→: which area, how many FTE, from when, arriving how. */
export const STAFFING_FIELDS = ["area", "fte", "from", "how"] as const;
export type StaffingField = (typeof STAFFING_FIELDS)[number];

/** Marks the one change per area the lever manages; the file's own staffing changes are left alone. */
export const STAFFING_NOTE = "extra FTE set in the TUI";

/** FTE per key press, and the date's step in days (4 weeks). */
const FTE_STEP = 5, DATE_STEP = 28;

/** What the lever points at: an area, and the date and arrival it will use when it has no change there yet. */
export interface StaffingDraft {
  readonly area: number;
  readonly from: string;
  readonly how: StaffingHow;
}

/** The lever as a scenario opens: the first area, from the scenario's start, new starters. */
export const firstStaffingDraft = (s: Scenario): StaffingDraft => ({ area: 0, from: s.startDate, how: "start" });

/** The change the lever manages in an area, if it has one. */
export const managedChange = (s: Scenario, area: number): StaffingChange | undefined => s.areas[area]?.staffing.find((c) => c.note === STAFFING_NOTE);

/** The lever's setting in its area: the managed change, or no FTE from the draft's date. */
export function staffingSetting(s: Scenario, d: StaffingDraft): { readonly fte: number; readonly from: string; readonly how: StaffingHow } {
  const c = managedChange(s, d.area);
  return c === undefined ? { fte: 0, from: d.from, how: d.how } : { fte: c.fte, from: c.from, how: c.how === "recruit" || c.how === "transfer" ? c.how : "start" };
}

type Moved = { readonly scenario: Scenario; readonly draft: StaffingDraft } | { readonly error: string };

/**
 * The lever moved one step (`direction` ±1) on one row: the next area round, ±5 FTE (none at 0,
 * a cut below), the date ±4 weeks within the horizon, or the next way of arriving. The area's
 * managed change is rewritten to match and the scenario checked against the schema.
 */
export function moveStaffing(s: Scenario, d: StaffingDraft, field: StaffingField, direction: 1 | -1): Moved {
  const n = s.areas.length, now = staffingSetting(s, d);
  switch (field) {
    case "area": {
      const area = (d.area + direction + n) % n, c = staffingSetting(s, { ...d, area });
      return { scenario: s, draft: { area, from: c.from, how: c.how } };
    }
    case "fte":
      return withManaged(s, d, { ...now, fte: now.fte + direction * FTE_STEP });
    case "from": {
      const from = addDays(now.from, direction * DATE_STEP), week = daysBetween(s.startDate, from) / 7;
      if (week < 0 || week >= s.horizonWeeks) return { error: `A staffing change from ${from} would fall outside the horizon (${s.startDate} for ${s.horizonWeeks} weeks)` };
      return withManaged(s, { ...d, from }, { ...now, from });
    }
    case "how": {
      const how = STAFFING_HOWS[(STAFFING_HOWS.indexOf(now.how) + direction + STAFFING_HOWS.length) % STAFFING_HOWS.length]!;
      return withManaged(s, { ...d, how }, { ...now, how });
    }
  }
}

/** The scenario with the draft area's managed change set (taken out at 0 FTE), checked by the schema. */
export function withManaged(s: Scenario, d: StaffingDraft, setting: { readonly fte: number; readonly from: string; readonly how: StaffingHow }): Moved {
  const draft = { area: d.area, from: setting.from, how: setting.how };
  const others = s.areas[d.area]!.staffing.filter((c) => c.note !== STAFFING_NOTE);
  // Only the FTE makes a change: with none, the date and arrival wait in the draft.
  if (setting.fte === 0 && managedChange(s, d.area) === undefined) return { scenario: s, draft };
  const change: StaffingChange = { from: setting.from, fte: setting.fte, team: "long-term", how: setting.how, note: STAFFING_NOTE };
  const path = `areas[${d.area}].staffing`;
  const parsed = scenarioSchema.safeParse(withPath(s, path, setting.fte === 0 ? others : [...others, change]));
  return parsed.success ? { scenario: parsed.data, draft } : { error: `${path} refused: ${schemaComplaint(parsed.error.issues[0]!)}` };
}
