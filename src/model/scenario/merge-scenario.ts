/**
 * Overlays a scenario on the one it extends: objects merge key by key, anything else
 * (numbers, strings, arrays) in the overlay replaces the base. `extends` itself is dropped.
 */
export function mergeScenario(base: unknown, overlay: unknown): unknown {
  const merged = mergeValues(base, overlay);
  if (isPlainObject(merged)) {
    const { extends: _dropped, ...rest } = merged;
    return rest;
  }
  return merged;
}

function mergeValues(base: unknown, overlay: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(overlay)) return overlay === undefined ? base : overlay;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) out[key] = mergeValues(base[key], value);
  return out;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
