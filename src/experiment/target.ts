import { measureValue, MeasureError, parseMeasure, type Measure, type MeasureFrame } from "./measure.js";
import type { ReplicationResult } from "../model/index.js";

/** The comparisons a target or constraint may make. */
export const TARGET_OPERATORS = ["<=", "<", ">=", ">"] as const;
export type TargetOperator = (typeof TARGET_OPERATORS)[number];

/** A condition on a measure, `MEASURE[@AREA][@DATE] OP X`, that a replication meets or not. */
export interface Target {
  readonly text: string;
  readonly measure: Measure;
  readonly op: TargetOperator;
  readonly value: number;
}

/** Reads `MEASURE[@AREA][@DATE] OP X` (OP one of <=, <, >=, >); throws MeasureError saying what is wrong. */
export function parseTarget(text: string, frame: MeasureFrame): Target {
  const m = /^(.*?)\s*(<=|>=|<|>)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*$/i.exec(text.trim());
  if (m === null) throw new MeasureError(`"${text}" is not a target: write MEASURE[@AREA][@DATE] OP NUMBER with OP one of ${TARGET_OPERATORS.join(", ")}, e.g. "hub_backlog@A15 London@2027 <= 50"`);
  const measure = parseMeasure(m[1]!, frame), op = m[2] as TargetOperator, value = Number(m[3]);
  return { text: `${measure.text} ${op} ${value}`, measure, op, value };
}

/** The value a replication gives the target's measure: over several weeks, the worst week (the target must hold in every one). */
export function targetValue(t: Target, r: ReplicationResult, frame: MeasureFrame): number {
  return measureValue(t.measure, r, frame.shape, t.op === "<=" || t.op === "<" ? "max" : "min");
}

/** Whether a value meets the target. */
export function meets(t: Target, value: number): boolean {
  switch (t.op) {
    case "<=": return value <= t.value;
    case "<": return value < t.value;
    case ">=": return value >= t.value;
    case ">": return value > t.value;
  }
}
