import { valueAt, withPath } from "../experiment/index.js";
import { scenarioSchema, schemaComplaint, TRIGGER_MEASURES, type Scenario } from "../model/index.js";

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

/** The protocol's choice of what its trigger and release watch. */
export const TRIGGER_LEVER: Lever = { path: "protocol.trigger", label: "Trigger measure", choices: TRIGGER_MEASURES };

/** The prioritisation protocol's thresholds, in the order the manager reads them (domain.md, calibration §8.5). */
export const PROTOCOL_LEVERS: readonly Lever[] = [
  { path: "protocol.enabled", label: "Protocol in use" },
  TRIGGER_LEVER,
  { path: "protocol.triggerUnallocatedWeeks", label: "Trigger: unallocated, wks ≥", step: 0.25, decimals: 2, measure: "unallocated" },
  { path: "protocol.triggerRatio", label: "Trigger: open ÷ baseline ≥", step: 0.05, decimals: 2, measure: "open-cases" },
  { path: "protocol.triggerWeeks", label: "  for weeks", step: 1 },
  { path: "protocol.triggerAverageCaseload", label: "  and average caseload >", step: 0.5, decimals: 1 },
  { path: "protocol.triggerShareOverCap", label: "  or share over cap >", step: 0.05, decimals: 2 },
  { path: "protocol.leadInWeeks", label: "Lead-in weeks", step: 1 },
  { path: "protocol.maxHoldWeeks", label: "Maximum hold, weeks", step: 1 },
  { path: "protocol.filingMarginWeeks", label: "Filing margin, weeks", step: 1 },
  { path: "protocol.extendedFilingWeeks", label: "Extended filing, weeks", step: 1 },
  { path: "protocol.releaseUnallocatedWeeks", label: "Release: unallocated, wks ≤", step: 0.25, decimals: 2, measure: "unallocated" },
  { path: "protocol.releaseRatio", label: "Release: open ÷ baseline ≤", step: 0.05, decimals: 2, measure: "open-cases" },
  { path: "protocol.releaseAverageCaseload", label: "  and average caseload ≤", step: 0.5, decimals: 1 },
  { path: "protocol.releaseWeeks", label: "  for weeks", step: 1 },
  { path: "protocol.windDownWeeks", label: "Wind-down weeks", step: 1 },
];

/** The planner's main what-if levers and the run settings. */
export const SCENARIO_LEVERS: readonly Lever[] = [
  { path: "national.demand.multiplier", label: "Demand multiplier", step: 0.05, decimals: 2 },
  { path: "national.workforce.fteMultiplier", label: "FCA FTE multiplier", step: 0.05, decimals: 2 },
  { path: "national.workforce.sickness.multiplier", label: "Sickness multiplier", step: 0.1, decimals: 1 },
  { path: "national.workforce.recruitment.delayWeeks", label: "Recruitment: mean weeks to fill", step: 1 },
  { path: "horizonWeeks", label: "Horizon, weeks", step: 13 },
  { path: "run.replications", label: "Replications", step: 1 },
  { path: "run.seed", label: "Seed", step: 1 },
];

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

/** The scenario with an area added to (or taken out of) the Cafcass Plus roll-out; a live site cannot be. */
export function toggleRollout(scenario: Scenario, area: string): { readonly scenario: Scenario } | { readonly error: string } {
  if (scenario.cafcassPlus.sites.some((s) => s.area === area)) return { error: `${area} is already a Cafcass Plus site` };
  const areas = scenario.cafcassPlus.rollout.areas;
  const next = areas.includes(area) ? areas.filter((a) => a !== area) : [...areas, area];
  const parsed = scenarioSchema.safeParse(withPath(scenario, "cafcassPlus.rollout.areas", next));
  return parsed.success ? { scenario: parsed.data } : { error: `cafcassPlus.rollout.areas refused: ${schemaComplaint(parsed.error.issues[0]!)}` };
}
