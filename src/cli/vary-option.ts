import { pathKeys, steppedValues, type Dimension } from "../experiment/index.js";
import { UserError } from "./user-error.js";

/** Parses `--vary path=from:to:step` or `--vary path=v1,v2,…` into a dimension. */
export function parseVary(text: string): Dimension {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new UserError(`--vary ${text}: expected path=from:to:step or path=v1,v2,…`);
  const path = text.slice(0, eq).trim(), spec = text.slice(eq + 1).trim();
  try {
    pathKeys(path);
  } catch (error) {
    throw new UserError(`--vary ${text}: ${(error as Error).message}`);
  }
  const numbers = (parts: string[]): number[] => parts.map((p) => {
    const n = Number(p);
    if (p.trim() === "" || !Number.isFinite(n)) throw new UserError(`--vary ${text}: "${p}" is not a number`);
    return n;
  });
  if (spec.includes(":")) {
    const parts = spec.split(":");
    if (parts.length !== 3) throw new UserError(`--vary ${text}: a range is from:to:step`);
    const [from, to, step] = numbers(parts) as [number, number, number];
    try {
      return { path, values: steppedValues(from, to, step) };
    } catch (error) {
      throw new UserError(`--vary ${text}: ${(error as Error).message}`);
    }
  }
  return { path, values: [...new Set(numbers(spec.split(",")))] };
}
