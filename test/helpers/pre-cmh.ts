import type { ScenarioInput } from "../../src/model/index.js";

type InterventionInput = NonNullable<ScenarioInput["interventions"]>[number];

/** A pre-CMH meeting declared for the small scenario, rolled out to `areas`, with `effects` overriding the defaults (none). */
export function preCmh(areas: string[] = ["North", "South"], change: (v: InterventionInput) => void = () => {}): InterventionInput {
  const v: InterventionInput = {
    name: "pre-cmh",
    eligibility: { share: 0.85 },
    timing: { at: "proceedings-day", day: { min: 7, max: 16 } },
    fcaHoursPerCase: 3,
    otherPayers: [{ payer: "localAuthority", role: "social worker", hoursPerCase: 5, hourCost: { amount: 55, priceYear: "2013-14" } }],
    where: { rollout: { areas, start: "2026-01-05" } },
    costs: { setupPerArea: { amount: 10_000, priceYear: "2024-25" }, supervisionPerAreaWeek: { amount: 100, priceYear: "2024-25" } },
  };
  change(v);
  return v;
}
