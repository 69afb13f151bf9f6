import { pathKeys } from "./scenario-path.js";

interface JsonSchemaNode {
  readonly type?: string;
  readonly properties?: Record<string, JsonSchemaNode>;
  readonly items?: JsonSchemaNode;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

/**
 * What the scenario JSON Schema allows at `path`: "a number from 0 to 5", "an integer from 1
 * to 52", or undefined when the path names no field. Used to word errors about `--vary`.
 */
export function describeField(schema: unknown, path: string): string | undefined {
  let node = schema as JsonSchemaNode | undefined;
  for (const key of pathKeys(path)) node = typeof key === "number" ? node?.items : node?.properties?.[key];
  if (node === undefined) return undefined;
  if (node.type !== "number" && node.type !== "integer") return `not a number (it is ${node.type ?? "a structure"})`;
  const low = node.minimum !== undefined ? `from ${node.minimum}` : node.exclusiveMinimum !== undefined ? `above ${node.exclusiveMinimum}` : "";
  const high = node.maximum !== undefined ? `to ${node.maximum}` : node.exclusiveMaximum !== undefined ? `below ${node.exclusiveMaximum}` : "";
  return [`${node.type === "integer" ? "an integer" : "a number"}`, low, high].filter(Boolean).join(" ");
}
