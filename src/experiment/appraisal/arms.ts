import { isPlusModelled, withInterventionRollout, withRolloutAreas, type Scenario } from "../../model/index.js";

/** Cafcass Plus's name among the declared interventions. */
export const PLUS = "cafcass-plus";

/** The arms of an appraisal, both from one scenario: only the appraised interventions' roll-out areas differ. */
export interface AppraisalArms {
  readonly doNothing: Scenario;
  readonly rollOut: Scenario;
  readonly areas: readonly string[];
  /** The interventions appraised, in the order given. */
  readonly interventions: readonly string[];
  /** Where each appraised intervention's flows are in a replication's result. */
  readonly slots: readonly number[];
}

/** Every intervention the scenario declares: Cafcass Plus first, then `interventions`. */
export function declaredNames(scenario: Scenario): string[] {
  return [PLUS, ...scenario.interventions.map((v) => v.name)];
}

/** Where a declared intervention is live (its sites, from their start) and rolls out: Cafcass Plus's block, or the intervention's `where`. */
export function whereOf(scenario: Scenario, name: string): { readonly sites: readonly { readonly area: string; readonly start: string }[]; readonly rollout: { readonly areas: readonly string[]; readonly start?: string | undefined } } {
  return name === PLUS ? scenario.cafcassPlus : scenario.interventions.find((x) => x.name === name)!.where;
}

/** Sites and planned roll-out areas of a declared intervention. */
function placesOf(scenario: Scenario, name: string): { sites: string[]; rollout: string[] } {
  const where = whereOf(scenario, name);
  return { sites: where.sites.map((s) => s.area), rollout: [...where.rollout.areas] };
}

/** Why these areas cannot be the roll-out of these interventions (empty when they can). */
export function rolloutProblems(scenario: Scenario, areas: readonly string[], interventions: readonly string[] = [PLUS]): string[] {
  const known = new Set(scenario.areas.map((a) => a.name)), declared = declaredNames(scenario);
  const unknown = interventions.filter((n) => !declared.includes(n));
  if (unknown.length > 0) return unknown.map((n) => `unknown intervention "${n}" (declared: ${declared.join(", ")})`);
  if (areas.length === 0) return ["no roll-out areas"];
  return areas.flatMap((a, i) => {
    if (!known.has(a)) return [`unknown area "${a}"`];
    const site = interventions.find((n) => placesOf(scenario, n).sites.includes(a));
    if (site !== undefined) return [site === PLUS ? `area "${a}" is already a Cafcass Plus site` : `area "${a}" is already a ${site} site`];
    return areas.indexOf(a) < i ? [`area "${a}" is listed twice`] : [];
  });
}

/** The scenario with each named intervention rolled out to exactly `areas` (or its own planned areas when `areas` is undefined). */
function withRollout(scenario: Scenario, interventions: readonly string[], areas: readonly string[] | undefined): Scenario {
  return interventions.reduce((s, name) => {
    const to = areas ?? placesOf(scenario, name).rollout;
    return name === PLUS ? withRolloutAreas(s, to) : withInterventionRollout(s, name, to);
  }, scenario);
}

/**
 * Do-nothing (the appraised interventions with no roll-out areas; sites stay live) and roll-out
 * (the given areas, or each intervention's own planned roll-out); throws naming the problems.
 * Cafcass Plus's cohort is modelled in both arms when Plus is appraised, or they would not pair.
 */
export function appraisalArms(scenario: Scenario, areas?: readonly string[], interventions: readonly string[] = [PLUS]): AppraisalArms {
  const declared = declaredNames(scenario);
  const planned = [...new Set(interventions.flatMap((n) => (declared.includes(n) ? placesOf(scenario, n).rollout : [])))];
  // Without `areas`, each intervention rolls out to its own planned areas, checked against its own sites.
  const problems = areas !== undefined ? rolloutProblems(scenario, areas, interventions)
    : interventions.flatMap((n) => rolloutProblems(scenario, declared.includes(n) ? placesOf(scenario, n).rollout : [], [n]));
  if (problems.length > 0) throw new RangeError(problems.join("; "));
  const doNothing = withRollout(scenario, interventions, []), rollOut = withRollout(scenario, interventions, areas);
  const plus = isPlusModelled(doNothing) ? 1 : 0;
  const slots = interventions.map((n) => (n === PLUS ? 0 : plus + scenario.interventions.findIndex((v) => v.name === n)));
  return { doNothing, rollOut, areas: [...(areas ?? planned)], interventions: [...interventions], slots };
}

/** Areas that could join next: every area not already a site (the scenario's planned roll-out areas included). */
export function candidateAreas(scenario: Scenario, interventions: readonly string[] = [PLUS]): string[] {
  const sites = new Set(interventions.flatMap((n) => placesOf(scenario, n).sites));
  return scenario.areas.map((a) => a.name).filter((a) => !sites.has(a));
}
