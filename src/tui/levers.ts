import { PLUS, valueAt, whereOf, withPath } from "../experiment/index.js";
import { fieldMeta, scenarioSchema, schemaComplaint, TRIGGER_MEASURES, type FieldPath, type Scenario } from "../model/index.js";

/** What the protocol's trigger and release watch. */
export type TriggerMeasure = (typeof TRIGGER_MEASURES)[number];

/** A scenario field the TUI lets a user step up and down, switch on and off, or choose among `choices`. */
export interface Lever {
  readonly path: string;
  readonly label: string;
  /** Change per key press; absent for an on/off switch or a choice. */
  readonly step?: number;
  readonly decimals?: number;
  /** The values a choice cycles through (←/→ go round). */
  readonly choices?: readonly string[];
  /** A threshold that counts only when the protocol watches this measure. */
  readonly measure?: TriggerMeasure;
}

/** A lever on a field of the metadata table: its TUI label, step and decimals from there. */
function lever(path: FieldPath, extra: Pick<Lever, "choices" | "measure"> = {}): Lever {
  const meta = fieldMeta(path);
  return { path, label: meta.short ?? meta.label, ...(meta.step === undefined ? {} : { step: meta.step }), ...(meta.decimals === undefined ? {} : { decimals: meta.decimals }), ...extra };
}

/** The protocol's choice of what its trigger and release watch. */
export const TRIGGER_LEVER: Lever = lever("protocol.trigger", { choices: TRIGGER_MEASURES });

/** The prioritisation protocol's thresholds, in the order the manager reads them (domain.md, calibration §8.5). */
export const PROTOCOL_LEVERS: readonly Lever[] = [
  lever("protocol.enabled"),
  TRIGGER_LEVER,
  lever("protocol.triggerUnallocatedWeeks", { measure: "unallocated" }),
  lever("protocol.triggerRatio", { measure: "open-cases" }),
  ...(["protocol.triggerWeeks", "protocol.triggerAverageCaseload", "protocol.triggerShareOverCap", "protocol.leadInWeeks", "protocol.maxHoldWeeks",
    "protocol.filingMarginWeeks", "protocol.extendedFilingWeeks"] as const).map((p) => lever(p)),
  lever("protocol.releaseUnallocatedWeeks", { measure: "unallocated" }),
  lever("protocol.releaseRatio", { measure: "open-cases" }),
  ...(["protocol.releaseAverageCaseload", "protocol.releaseWeeks", "protocol.windDownWeeks"] as const).map((p) => lever(p)),
];

/** The planner's main what-if levers and the run settings. */
export const SCENARIO_LEVERS: readonly Lever[] = ([
  "national.demand.multiplier", "national.workforce.fteMultiplier", "national.workforce.sickness.multiplier", "national.workforce.recruitment.delayWeeks",
  "horizonWeeks", "run.replications", "run.seed",
] as const).map((p) => lever(p));

/** A lever's value as shown: on/off, the choice, or the number with its decimals. */
export function leverText(scenario: Scenario, lever: Lever): string {
  const v = valueAt(scenario, lever.path);
  if (typeof v === "boolean") return v ? "on" : "off";
  if (typeof v === "string") return v;
  return typeof v === "number" ? v.toFixed(lever.decimals ?? 0) : "–";
}

/** The next value of a lever one step (`direction` ±1) on: switched, the next choice round, or stepped. */
function nextValue(v: unknown, lever: Lever, direction: 1 | -1): unknown {
  if (typeof v === "boolean") return !v;
  const choices = lever.choices;
  if (choices !== undefined) return choices[(Math.max(0, choices.indexOf(String(v))) + direction + choices.length) % choices.length];
  return Number(((v as number) + direction * (lever.step ?? 1)).toFixed(lever.decimals ?? 0));
}

/**
 * The scenario with a lever moved one step (`direction` ±1), switched or its next choice taken,
 * checked against the schema: a scenario, or the schema's complaint naming the field.
 */
export function moveLever(scenario: Scenario, lever: Lever, direction: 1 | -1): { readonly scenario: Scenario } | { readonly error: string } {
  const next = nextValue(valueAt(scenario, lever.path), lever, direction);
  const parsed = scenarioSchema.safeParse(withPath(scenario, lever.path, next));
  if (parsed.success) return { scenario: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { error: `${lever.path} ${String(next)} refused: ${schemaComplaint(issue)}` };
}

/** The scenario with an area added to (or taken out of) a declared intervention's roll-out (Cafcass Plus by default); a live site cannot be. */
export function toggleRollout(scenario: Scenario, area: string, intervention: string = PLUS): { readonly scenario: Scenario } | { readonly error: string } {
  const i = scenario.interventions.findIndex((v) => v.name === intervention);
  if (intervention !== PLUS && i < 0) return { error: `unknown intervention "${intervention}"` };
  const where = whereOf(scenario, intervention);
  if (where.sites.some((s) => s.area === area)) return { error: `${area} is already a ${intervention === PLUS ? "Cafcass Plus" : intervention} site` };
  const areas = where.rollout.areas, path = intervention === PLUS ? "cafcassPlus.rollout.areas" : `interventions[${i}].where.rollout.areas`;
  const next = areas.includes(area) ? areas.filter((a) => a !== area) : [...areas, area];
  const parsed = scenarioSchema.safeParse(withPath(scenario, path, next));
  return parsed.success ? { scenario: parsed.data } : { error: `${path} refused: ${schemaComplaint(parsed.error.issues[0]!)}` };
}
