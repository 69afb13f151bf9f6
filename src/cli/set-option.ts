import { pathKeys, scenarioAt, withPath } from "../experiment/index.js";
import { UserError } from "./user-error.js";

/** A scenario field set from the command line. */
export interface Setting {
  readonly path: string;
  readonly value: unknown;
}

/** Parses `--set PATH=VALUE`: the value as JSON when it reads as JSON (numbers, true, [..]), else as a string. */
export function parseSetting(text: string): Setting {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new UserError(`--set ${text}: expected PATH=VALUE, e.g. protocol.trigger=open-cases`);
  const path = text.slice(0, eq).trim(), raw = text.slice(eq + 1).trim();
  try {
    pathKeys(path);
  } catch (error) {
    throw new UserError(`--set ${text}: ${(error as Error).message}`);
  }
  try {
    return { path, value: JSON.parse(raw) as unknown };
  } catch {
    return { path, value: raw };
  }
}

/** The scenario data with every --set (then --weeks) applied, checked whole so a bad setting is named before anything runs. */
export function withSettings(data: unknown, settings: readonly Setting[], weeks?: number): unknown {
  let base = data;
  for (const s of settings) {
    try {
      base = withPath(base, s.path, s.value);
    } catch (error) {
      throw new UserError(`--set ${s.path}: ${(error as Error).message}`);
    }
  }
  if (weeks !== undefined) base = withPath(base, "horizonWeeks", weeks);
  try {
    scenarioAt(base, { index: 0, values: {} });
  } catch (error) {
    throw new UserError(`the scenario with --set applied: ${(error as Error).message}`);
  }
  return base;
}

/** Adds the repeatable `--set PATH=VALUE` option to a command. */
export const SET_OPTION = ["--set <PATH=VALUE>", "set a scenario field first (repeatable), e.g. protocol.trigger=open-cases or 'areas[14].staffing=[{\"from\":\"2027-04-01\",\"fte\":0}]'"] as const;

/** Collects repeated --set options. */
export function collectSetting(v: string, all: Setting[]): Setting[] {
  return [...all, parseSetting(v)];
}

/** The fields --set sets: a command leaves them out of a posterior's draws, or the settings would move nothing. */
export function leversOf(settings: readonly Setting[] | undefined): string[] {
  return (settings ?? []).map((s) => s.path);
}
