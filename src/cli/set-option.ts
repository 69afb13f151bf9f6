import { pathKeys } from "../experiment/index.js";
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
