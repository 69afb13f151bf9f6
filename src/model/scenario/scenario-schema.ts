import { z } from "zod";
import { areaSchema, initialCaseSchema } from "./area-schema.js";
import { isoDate, weeks } from "./common.js";
import { nationalSchema } from "./national-schema.js";
import { areaProtocol, checkThresholds, protocolSchema } from "./protocol-schema.js";
import { plusSchema } from "./plus-schema.js";
import { costsSchema } from "./costs-schema.js";
import { priorsSchema } from "./prior-schema.js";
import { interventionSchema, type Intervention } from "./intervention-schema.js";
import { checkRunSize } from "./run-size.js";

/** How a scenario is run by default; the CLI's flags override these. */
export const runSettingsSchema = z.strictObject({
  replications: z.number().int().min(1).max(100_000).default(20),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
});

/**
 * A hubsim scenario: the single source of truth for every input. Strict objects (an unknown
 * or misspelt key is an error), defaults from calibration.md §8 in the schema itself.
 */
export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Path of a scenario this one overrides (resolved by the CLI before parsing). */
  extends: z.string().optional(),
  name: z.string().min(1),
  description: z.string().default(""),
  startDate: isoDate,
  horizonWeeks: z.number().int().min(1).max(1040),
  /** Weeks simulated before the start and discarded; used when no initial state is given. */
  warmupWeeks: weeks.max(520).optional(),
  run: runSettingsSchema.prefault({}),
  areas: z.array(areaSchema).min(1).max(200),
  /** Today's backlog case by case (from `--initial cases.csv`); replaces the areas' aggregate `initial` counts. */
  initialCases: z.array(initialCaseSchema).max(1_000_000).optional(),
  national: nationalSchema.prefault({}),
  protocol: protocolSchema.prefault({}),
  cafcassPlus: plusSchema.prefault({}),
  /** Public law interventions declared as data (pre-CMH meetings, …); Cafcass Plus is declared by `cafcassPlus`. */
  interventions: z.array(interventionSchema).max(20).default([]),
  costs: costsSchema.prefault({}),
  /**
   * A calibration's posterior.json (a path relative to the scenario file run) whose draws runs use
   * by default for the fields `priors` declares; `--posterior none` runs on the fixed values instead.
   */
  posterior: z.string().min(1).optional(),
  /** Uncertain inputs with their priors, for `hubsim calibrate`; a run without a posterior ignores them. */
  priors: priorsSchema.default([]),
}).superRefine((s, ctx) => {
  const seen = new Set<string>();
  s.areas.forEach((a, i) => {
    if (seen.has(a.name)) ctx.addIssue({ code: "custom", path: ["areas", i, "name"], message: `duplicate area name "${a.name}"` });
    seen.add(a.name);
    const demand = a.demand.privatePerWeek + a.demand.publicPerWeek;
    if (demand > 0 && a.fca.longTermFte + a.fca.shortTermFte === 0) {
      ctx.addIssue({ code: "custom", path: ["areas", i, "fca"], message: `area "${a.name}" has demand but no FCAs` });
    }
    if (a.demand.privatePerWeek > 0 && a.fca.shortTermFte === 0) {
      ctx.addIssue({ code: "custom", path: ["areas", i, "fca", "shortTermFte"], message: `area "${a.name}" has private law demand but no short-term FTE for work to first hearing` });
    }
    if (demand > 0 && a.fca.longTermFte === 0) {
      ctx.addIssue({ code: "custom", path: ["areas", i, "fca", "longTermFte"], message: `area "${a.name}" has demand but no long-term FTE` });
    }
    if (a.protocol !== undefined) checkThresholds(areaProtocol(s.protocol, a.protocol), ctx, ["areas", i, "protocol"]);
  });
  const known = new Set(s.areas.map((a) => a.name));
  s.cafcassPlus.sites.forEach((site, i) => {
    if (!known.has(site.area)) ctx.addIssue({ code: "custom", path: ["cafcassPlus", "sites", i, "area"], message: `unknown area "${site.area}"` });
  });
  s.cafcassPlus.rollout.areas.forEach((name, i) => {
    if (!known.has(name)) ctx.addIssue({ code: "custom", path: ["cafcassPlus", "rollout", "areas", i], message: `unknown area "${name}"` });
  });
  Object.keys(s.cafcassPlus.local).forEach((name) => {
    if (!known.has(name)) ctx.addIssue({ code: "custom", path: ["cafcassPlus", "local", name], message: `unknown area "${name}"` });
  });
  checkInterventionAreas(s.interventions, known, ctx);
  s.initialCases?.forEach((c, i) => {
    if (!known.has(c.area)) ctx.addIssue({ code: "custom", path: ["initialCases", i, "area"], message: `unknown area "${c.area}"` });
    if (c.kind !== "further" && c.status === "hub") ctx.addIssue({ code: "custom", path: ["initialCases", i, "status"], message: `only further-work cases can be in a hub` });
    if (c.kind === "public" && c.tier !== 1) ctx.addIssue({ code: "custom", path: ["initialCases", i, "tier"], message: `public law is always tier 1 (P1), not ${c.tier}` });
    if (c.status !== "hub" && c.weeksInHub > 0) ctx.addIssue({ code: "custom", path: ["initialCases", i, "weeksInHub"], message: `only a case in a hub has weeks in it (status is ${c.status})` });
    if (c.weeksInHub > c.weeksOpen) ctx.addIssue({ code: "custom", path: ["initialCases", i, "weeksInHub"], message: `a case cannot have been in a hub (${c.weeksInHub} weeks) longer than it has been open (${c.weeksOpen})` });
  });
  s.national.demand.shocks.forEach((shock, i) => shock.areas?.forEach((name, j) => {
    if (!known.has(name)) ctx.addIssue({ code: "custom", path: ["national", "demand", "shocks", i, "areas", j], message: `unknown area "${name}"` });
  }));
}).superRefine(checkRunSize, { when: (payload) => payload.issues.length === 0 }); // sized only once every field is valid

/** Every area an intervention names must be a scenario area, and each intervention's name unique. */
function checkInterventionAreas(list: readonly Intervention[], known: ReadonlySet<string>, ctx: z.RefinementCtx): void {
  const names = new Set<string>();
  list.forEach((v, i) => {
    if (names.has(v.name)) ctx.addIssue({ code: "custom", path: ["interventions", i, "name"], message: `intervention "${v.name}" is declared twice` });
    names.add(v.name);
    v.where.sites.forEach((site, j) => {
      if (!known.has(site.area)) ctx.addIssue({ code: "custom", path: ["interventions", i, "where", "sites", j, "area"], message: `unknown area "${site.area}"` });
    });
    v.where.rollout.areas.forEach((a, j) => {
      if (!known.has(a)) ctx.addIssue({ code: "custom", path: ["interventions", i, "where", "rollout", "areas", j], message: `unknown area "${a}"` });
    });
  });
}

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
