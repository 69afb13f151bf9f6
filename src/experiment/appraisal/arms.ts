import { withRolloutAreas, type Scenario } from "../../model/index.js";

/** The two arms of an appraisal, both from one scenario: only the roll-out areas differ. */
export interface AppraisalArms {
  readonly doNothing: Scenario;
  readonly rollOut: Scenario;
  readonly areas: readonly string[];
}

/** Why these areas cannot be the roll-out (empty when they can): unknown, already a site, listed twice, or none. */
export function rolloutProblems(scenario: Scenario, areas: readonly string[]): string[] {
  const known = new Set(scenario.areas.map((a) => a.name)), sites = new Set(scenario.cafcassPlus.sites.map((s) => s.area));
  if (areas.length === 0) return ["no roll-out areas"];
  return areas.flatMap((a, i) => {
    if (!known.has(a)) return [`unknown area "${a}"`];
    if (sites.has(a)) return [`area "${a}" is already a Cafcass Plus site`];
    return areas.indexOf(a) < i ? [`area "${a}" is listed twice`] : [];
  });
}

/**
 * Do-nothing (the scenario with no roll-out areas; its sites stay live) and roll-out (the given
 * areas, or the scenario's own `cafcassPlus.rollout.areas`); throws naming the problem areas.
 */
export function appraisalArms(scenario: Scenario, areas: readonly string[] = scenario.cafcassPlus.rollout.areas): AppraisalArms {
  const problems = rolloutProblems(scenario, areas);
  if (problems.length > 0) throw new RangeError(problems.join("; "));
  // Both arms model the pre-birth cohort (withRolloutAreas switches it on), or they would not pair.
  return { doNothing: withRolloutAreas(scenario, []), rollOut: withRolloutAreas(scenario, areas), areas: [...areas] };
}

/** Areas that could join next: every area not already a site (the scenario's planned roll-out areas included). */
export function candidateAreas(scenario: Scenario): string[] {
  const sites = new Set(scenario.cafcassPlus.sites.map((s) => s.area));
  return scenario.areas.map((a) => a.name).filter((a) => !sites.has(a));
}
