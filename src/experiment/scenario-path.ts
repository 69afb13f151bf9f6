/**
 * Reads and writes a field of plain scenario data by path, e.g. `protocol.triggerRatio` or
 * `areas[0].fca.longTermFte`, without touching the original.
 */

/** Splits a path into keys and array indices. */
export function pathKeys(path: string): (string | number)[] {
  if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[\d+\])*$/.test(path)) throw new RangeError(`"${path}" is not a field path (write it like protocol.triggerRatio or areas[0].fca.longTermFte)`);
  return [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
}

/** A copy of `data` with the field at `path` set to `value`, creating objects on the way. */
export function withPath(data: unknown, path: string, value: unknown): unknown {
  const keys = pathKeys(path);
  const set = (node: unknown, i: number): unknown => {
    if (i === keys.length) return value;
    const key = keys[i]!;
    if (typeof key === "number") {
      if (!Array.isArray(node) || key >= node.length) throw new RangeError(`${path}: there is no element [${key}] here`);
      return node.map((x, j) => (j === key ? set(x, i + 1) : x));
    }
    const obj = typeof node === "object" && node !== null && !Array.isArray(node) ? (node as Record<string, unknown>) : {};
    return { ...obj, [key]: set(obj[key], i + 1) };
  };
  return set(data, 0);
}

/** The value at `path` in `data`, or undefined when there is none. */
export function valueAt(data: unknown, path: string): unknown {
  let node = data;
  for (const key of pathKeys(path)) node = typeof node === "object" && node !== null ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}
