import { describe, expect, it } from "vitest";
import { meanConfidenceInterval } from "../../src/experiment/index.js";
import { resultShape, runReplication, SCALAR_METRICS, scalarOffset, WEEKLY_METRICS, weeklyOffset, type ScalarMetric, type Scenario, type ScenarioInput, type WeeklyMetric } from "../../src/model/index.js";
import { smallScenario } from "../helpers/small-scenario.js";

/**
 * One functional truth per lever of the capacity model: setting it one way rather than the other
 * moves the stated measure in the stated direction, shown by a paired 95% CI on common random
 * numbers (seed 7, replications 0…REPS−1) that excludes zero. Each runs on a scenario where the
 * lever should matter: two areas from today's backlog, North's FCAs near capacity.
 */
const REPS = 10;
const NORTH = 0;

type Measure = { readonly scalar: ScalarMetric } | { readonly weekly: WeeklyMetric; readonly from: number; readonly to: number };

interface LeverTruth {
  readonly lever: string;
  /** The change that should raise the measure (applied to `low` to get `high`). */
  readonly low: (s: ScenarioInput) => void;
  readonly high: (s: ScenarioInput) => void;
  readonly measure: Measure;
  /** North's long-term FTE (36: caseloads near 21; 42: near 18.5) and the weeks run. */
  readonly fte?: number;
  readonly weeks?: number;
}

/** Two areas from today's backlog, North with `fte` long-term FTE (36 puts its FCAs near 21 cases); `change` then applies. */
function near(change: (s: ScenarioInput) => void, weeks = 52, fte = 36): Scenario {
  return smallScenario((s) => {
    s.areas[0]!.fca.longTermFte = fte;
    s.areas[0]!.initial = { openPublic: 344, openWtfh: 180, openFurtherWork: 357 };
    s.areas[1]!.initial = { openPublic: 172, openWtfh: 90, openFurtherWork: 178 };
    s.warmupWeeks = 0;
    s.horizonWeeks = weeks;
    change(s);
  });
}

const workforce = (s: ScenarioInput, w: object): void => void (s.national = { ...s.national, workforce: { ...s.national?.workforce, ...w } });
const allocation = (s: ScenarioInput, a: object): void => workforce(s, { allocation: a });
const none = (): void => {};

function values(scenario: Scenario, m: Measure): number[] {
  return Array.from({ length: REPS }, (_, r) => {
    const result = runReplication(scenario, 7, r);
    if ("scalar" in m) return result.scalars[scalarOffset(NORTH, SCALAR_METRICS.indexOf(m.scalar))]!;
    const shape = resultShape(scenario), k = WEEKLY_METRICS.indexOf(m.weekly);
    let sum = 0;
    for (let w = m.from; w < m.to; w++) sum += result.weekly[weeklyOffset(shape, w, NORTH, k)]!;
    return sum;
  });
}

const truths: readonly LeverTruth[] = [
  { lever: "allocation.policy: team (by room within teams) rather than roomiest → caseloads spread, more FCAs at or over the cap at a mean of 18", low: (s) => allocation(s, { policy: "roomiest" }), high: none, measure: { scalar: "pct_fcas_over_cap" }, fte: 44 },
  { lever: "allocation.teamSize: smaller teams → more less urgent work waiting for its own team", low: (s) => allocation(s, { teamSize: 40 }), high: (s) => allocation(s, { teamSize: 3 }), measure: { scalar: "awaiting_case_weeks" }, fte: 40 },
  { lever: "allocation.balance: choosing blind to room rather than by room → more FCAs at or over the cap", low: (s) => allocation(s, { balance: 4 }), high: (s) => allocation(s, { balance: 0 }), measure: { scalar: "pct_fcas_over_cap" }, fte: 44 },
  { lever: "allocation.capacitySpread: FCAs differing in what they can hold → fewer of them at or over the nominal cap", low: (s) => allocation(s, { capacitySpread: 0.4 }), high: (s) => allocation(s, { capacitySpread: 0 }), measure: { scalar: "pct_fcas_over_cap" } },
  { lever: "allocation.crossTeamAfterWeeks: longer before other teams take less urgent work → longer waits", low: (s) => allocation(s, { crossTeamAfterWeeks: 0 }), high: (s) => allocation(s, { crossTeamAfterWeeks: 8 }), measure: { scalar: "allocation_wait_mean_weeks" }, fte: 40 },
  { lever: "allocation.urgentLimitShare: P1/P2 allowed further over the cap → fewer P1 cases waiting", low: (s) => allocation(s, { urgentLimitShare: 1.5 }), high: (s) => allocation(s, { urgentLimitShare: 1.05 }), measure: { weekly: "awaiting_p1", from: 0, to: 52 } },
  { lever: "allocation.lessUrgentLimitShare: P3/P4 allowed further over the cap → higher caseloads", low: (s) => allocation(s, { lessUrgentLimitShare: 1 }), high: (s) => allocation(s, { lessUrgentLimitShare: 1.5 }), measure: { scalar: "avg_caseload" } },
  { lever: "allocation.dutyMaxWeeks: work held longer on duty → more of it waiting for allocation", low: (s) => allocation(s, { dutyMaxWeeks: 2 }), high: (s) => allocation(s, { dutyMaxWeeks: 26 }), measure: { scalar: "awaiting_case_weeks" }, fte: 32 },
  { lever: "caseload.measure: weighted (public law 2.6 units against 26) rather than counted → more work waiting", low: none, high: (s) => workforce(s, { caseload: { measure: "weighted" } }), measure: { scalar: "awaiting_case_weeks" } },
  { lever: "recruitment.delayWeeks: longer to fill a vacancy → more posts vacant", low: (s) => workforce(s, { recruitment: { delayWeeks: 10 } }), high: (s) => workforce(s, { recruitment: { delayWeeks: 40 } }), measure: { scalar: "vacancy_pct" } },
  {
    // The vacancies a freeze leaves all begin their campaigns when it ends (week 16): with no spread they all
    // fill at the mean, 12 weeks on; with a CV of 1.5 most fill sooner (the lognormal's median is under its mean).
    lever: "recruitment.delayCv: identical times to fill rather than varied ones → more posts still vacant just before the mean",
    low: (s) => workforce(s, { attrition: { perYear: 0.5 }, recruitment: { freezeFrom: "2026-01-05", freezeTo: "2026-04-27", delayWeeks: 12, delayCv: 1.5, maxHiresPerYear: 5 } }),
    high: (s) => workforce(s, { attrition: { perYear: 0.5 }, recruitment: { freezeFrom: "2026-01-05", freezeTo: "2026-04-27", delayWeeks: 12, delayCv: 0, maxHiresPerYear: 5 } }),
    measure: { weekly: "fcas_vacant", from: 21, to: 27 },
  },
  {
    lever: "recruitment.maxHiresPerYear: fewer start slots → vacancies after a freeze filled more slowly",
    low: (s) => workforce(s, { recruitment: { freezeFrom: "2026-01-05", freezeTo: "2026-09-07", maxHiresPerYear: 2 } }),
    high: (s) => workforce(s, { recruitment: { freezeFrom: "2026-01-05", freezeTo: "2026-09-07", maxHiresPerYear: 0.1 } }),
    measure: { scalar: "vacancy_pct" },
  },
  {
    lever: "agency.startWeeks: agency FCAs arriving later → more work waiting in the first months",
    low: (s) => workforce(s, { agency: { share: 0.3, startWeeks: { min: 0, max: 1 } } }),
    high: (s) => workforce(s, { agency: { share: 0.3, startWeeks: { min: 20, max: 24 } } }),
    measure: { weekly: "awaiting_allocation", from: 2, to: 20 },
    fte: 32,
  },
  {
    lever: "areas[].staffing how: posts filled by recruitment rather than by experienced FCAs transferred in → more work waiting",
    low: (s) => void (s.areas[0]!.staffing = [{ from: "2026-02-02", fte: 10, how: "transfer" }]),
    high: (s) => void (s.areas[0]!.staffing = [{ from: "2026-02-02", fte: 10, how: "recruit" }]),
    measure: { weekly: "awaiting_allocation", from: 5, to: 30 },
    fte: 32,
  },
  {
    lever: "areas[].staffing how: new starters (ramping up) rather than experienced FCAs → more work waiting while they ramp up",
    low: (s) => void (s.areas[0]!.staffing = [{ from: "2026-02-02", fte: 8, how: "transfer" }]),
    high: (s) => void (s.areas[0]!.staffing = [{ from: "2026-02-02", fte: 8, how: "start" }]),
    measure: { weekly: "awaiting_allocation", from: 5, to: 20 },
    fte: 28,
  },
  { lever: "areas[].staffing: posts cut → more work waiting", low: none, high: (s) => void (s.areas[0]!.staffing = [{ from: "2026-02-02", fte: -4 }]), measure: { scalar: "awaiting_case_weeks" } },
  { lever: "protocol.triggerUnallocatedWeeks: a lower trigger → more weeks with a hub open", low: (s) => void (s.protocol = { triggerUnallocatedWeeks: 20, releaseUnallocatedWeeks: 0.5 }), high: (s) => void (s.protocol = { triggerUnallocatedWeeks: 0.5, releaseUnallocatedWeeks: 0.5 }), measure: { scalar: "protocol_weeks_active" }, fte: 32, weeks: 104 },
  {
    lever: "protocol.releaseUnallocatedWeeks (with releaseAverageCaseload): a stricter release → more weeks with a hub open",
    low: (s) => {
      s.areas[0]!.initial!.protocolState = "hub-active";
      s.protocol = { releaseUnallocatedWeeks: 3, releaseAverageCaseload: 25 };
    },
    high: (s) => void (s.areas[0]!.initial!.protocolState = "hub-active"),
    measure: { scalar: "protocol_weeks_active" },
  },
  {
    lever: "protocol.trigger: watching unallocated work rather than open cases against baseline → a hub opens in an under-staffed area",
    low: (s) => void (s.protocol = { trigger: "open-cases", triggerRatio: 3, releaseRatio: 1.1, triggerUnallocatedWeeks: 1 }),
    high: (s) => void (s.protocol = { trigger: "unallocated", triggerRatio: 3, releaseRatio: 1.1, triggerUnallocatedWeeks: 1 }),
    measure: { scalar: "protocol_weeks_active" },
    fte: 32,
    weeks: 104,
  },
  { lever: "areas[].protocol: an area's own lower trigger → more weeks with its hub open", low: none, high: (s) => void (s.areas[0]!.protocol = { triggerUnallocatedWeeks: 0.5 }), measure: { scalar: "protocol_weeks_active" }, fte: 32, weeks: 104 },
  { lever: "areas[].durations.publicMultiplier: longer proceedings in an area → higher caseloads there", low: none, high: (s) => void (s.areas[0]!.durations = { publicMultiplier: 1.3 }), measure: { scalar: "avg_caseload" } },
  {
    lever: "durations.slowdowns applies: open (cases under way slow down) rather than referred → more cases open in the first months",
    low: (s) => void (s.national = { durations: { slowdowns: [{ from: "2026-01-05", multiplier: 1.3, applies: "referred" }] } }),
    high: (s) => void (s.national = { durations: { slowdowns: [{ from: "2026-01-05", multiplier: 1.3, applies: "open" }] } }),
    measure: { weekly: "open_cases", from: 8, to: 26 },
  },
];

describe("functional truths, one per lever of the capacity model", () => {
  it.each(truths)("$lever", ({ low, high, measure, fte, weeks }) => {
    const a = values(near(low, weeks, fte), measure), b = values(near(high, weeks, fte), measure);
    const ci = meanConfidenceInterval(b.map((x, i) => x - (a[i] ?? NaN)));
    expect(ci.lower, `difference ${ci.mean} ± ${ci.halfWidth} (low mean ${a.reduce((x, y) => x + y, 0) / REPS})`).toBeGreaterThan(0);
  });
});
