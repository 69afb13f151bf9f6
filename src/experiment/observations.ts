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
 * The national series from ../shared/calibration.md that the covid-2020 back-test is set
 * against (§2.1 open active cases, §3.2 long-term caseloads, §4.2 and §8.8 areas with the
 * protocol active). Figures are as published; the caveats are calibration's.
 */
export const COVID_2020_OBSERVATIONS: readonly Observation[] = [
  { date: "2020-03-31", metric: "open_cases", value: 30_136, source: "§2.1 open active cases, Mar 2020" },
  { date: "2021-04-30", metric: "open_cases", value: 38_200, source: "§8.8 peak open active cases, Apr 2021" },
  { date: "2022-03-31", metric: "open_cases", value: 35_429, source: "§2.1 Mar 2020 + 1,754 public + 3,539 private, Mar 2022" },
  { date: "2023-03-31", metric: "open_cases", value: 32_900, source: "§8.8 open active cases, Mar 2023" },
  { date: "2025-01-01", metric: "open_cases", value: 27_500, source: "§8.8 open active cases, Jan 2025" },
  { date: "2022-04-30", metric: "avg_caseload", value: 21.7, source: "§3.2 long-term caseload, spring 2022" },
  { date: "2023-05-31", metric: "avg_caseload", value: 19.9, source: "§3.2 long-term caseload, May 2023" },
  { date: "2023-12-31", metric: "avg_caseload", value: 18.9, source: "§3.2 long-term caseload, Dec 2023" },
  { date: "2024-09-30", metric: "avg_caseload", value: 18.0, source: "§3.2 long-term caseload, Sep 2024" },
  { date: "2021-12-31", metric: "protocol_active", value: 6, source: "§4.2 six areas activated Jul–Dec 2021" },
  { date: "2023-12-31", metric: "protocol_active", value: 2, source: "§4.2 two areas still active, Dec 2023" },
  { date: "2025-01-01", metric: "protocol_active", value: 2, source: "§8.8 London and Essex active in 2025" },
];

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
