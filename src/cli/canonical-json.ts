import { createHash } from "node:crypto";

/** JSON with every object's keys sorted (recursively), so equal data always gives equal text whatever order it was built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  const source = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(source).sort().filter((k) => source[k] !== undefined).map((k) => [k, sortKeys(source[k])]));
}

/** SHA-256 (hex) of the canonical JSON of `value`. */
export function sha256Of(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
