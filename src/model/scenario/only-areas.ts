import type { Scenario } from "./scenario-schema.js";

/**
 * The scenario cut down to the areas named in `keep` (kept in the scenario's order), with every
 * reference to the others dropped: Cafcass Plus sites, roll-out and local rates, interventions'
 * sites and roll-outs, initial cases, and the area lists of demand shocks. Whether the Plus cohort
 * is modelled is carried over as it was, so the areas kept run exactly as they did.
 */
export function onlyAreas(s: Scenario, keep: readonly string[]): Scenario {
  const kept = new Set(keep), has = (name: string): boolean => kept.has(name);
  const plus = s.cafcassPlus;
  return {
    ...s,
    areas: s.areas.filter((a) => has(a.name)),
    cafcassPlus: {
      ...plus,
      enabled: plus.enabled ?? (plus.sites.length > 0 || plus.rollout.areas.length > 0),
      sites: plus.sites.filter((x) => has(x.area)),
      rollout: { ...plus.rollout, areas: plus.rollout.areas.filter(has) },
      local: Object.fromEntries(Object.entries(plus.local).filter(([name]) => has(name))),
    },
    interventions: s.interventions.map((v) => ({ ...v, where: { ...v.where, sites: v.where.sites.filter((x) => has(x.area)), rollout: { ...v.where.rollout, areas: v.where.rollout.areas.filter(has) } } })),
    national: { ...s.national, demand: { ...s.national.demand, shocks: s.national.demand.shocks.map((k) => (k.areas === undefined ? k : { ...k, areas: k.areas.filter(has) })) } },
    ...(s.initialCases === undefined ? {} : { initialCases: s.initialCases.filter((c) => has(c.area)) }),
  };
}
