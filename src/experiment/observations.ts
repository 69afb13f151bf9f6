import type { DiversionGroup } from "./diversion-check.js";
import type { WeeklyMetric } from "../model/index.js";

/** One published figure to hold a forecast against: national (no area) or one area's, at a date. */
export interface Observation {
  readonly date: string;
  /** The area's name as in the scenario; absent for England. */
  readonly area?: string;
  readonly metric: WeeklyMetric;
  readonly value: number;
  readonly source: string;
}

/**
 * The Cafcass Plus pilot in Coventry & Warwickshire, 2011–13 (calibration §5.2; seeds 000–001):
 * Coventry 7 of 14 Plus cases diverted, Warwickshire 4 of 12, all Plus 11 of 26 (42.3%),
 * comparators 11 of 30 (36.7%), and about 25% nationally (Masson et al. 2013). Area names are
 * those of scenarios/cafcass-plus-pilot.json.
 */
export const CAFCASS_PLUS_PILOT_OBSERVATIONS: readonly DiversionGroup[] = [
  { label: "Plus (Coventry + Warwickshire)", areas: ["Coventry", "Warwickshire"], observed: { share: 11 / 26, diverted: 11, decided: 26 } },
  { label: "Plus, Coventry", areas: ["Coventry"], observed: { share: 7 / 14, diverted: 7, decided: 14 } },
  { label: "Plus, Warwickshire", areas: ["Warwickshire"], observed: { share: 4 / 12, diverted: 4, decided: 12 } },
  { label: "Comparators", areas: ["Comparators"], observed: { share: 11 / 30, diverted: 11, decided: 30 } },
  { label: "National benchmark", areas: ["National benchmark"], observed: { share: 0.25 } },
];
