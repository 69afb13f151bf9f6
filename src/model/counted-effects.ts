import { RandomStreams } from "../kernel/index.js";
import { drawInterventionEffects } from "./effect-draw.js";
import { isPlusModelled } from "./plus-arms.js";
import { drawPlusEffects } from "./plus-effects.js";
import type { Scenario } from "./scenario/index.js";

/** The effect sizes that change only what is counted, not what happens: expert reports avoided per served case and the share of guardian hours saved. */
export interface CountedEffects { readonly expertReports: number; readonly guardianHoursShare: number }

/**
 * The counted-only effects replication `replication` on `seed` draws for each intervention in its
 * result, in the result's order (Cafcass Plus first when modelled): the same draws the run makes,
 * so an appraisal can re-cost another effect size without running the model again.
 */
export function countedEffects(scenario: Scenario, seed: number, replication: number): CountedEffects[] {
  const streams = new RandomStreams(seed, replication), out: CountedEffects[] = [];
  if (isPlusModelled(scenario)) {
    const e = drawPlusEffects(scenario, streams);
    out.push({ expertReports: e.expertReportsReduction, guardianHoursShare: e.guardianHoursReduction });
  }
  for (const v of scenario.interventions) out.push(drawInterventionEffects(v, streams));
  return out;
}
