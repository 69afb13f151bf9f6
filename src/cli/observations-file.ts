import { createHash } from "node:crypto";
import { readBoundedText } from "./bounded-read.js";
import { join } from "node:path";
import { observationProblems, parseObservationsCsv, type Observation } from "../experiment/index.js";
import type { Scenario } from "../model/index.js";
import { packageInfo } from "./package-info.js";
import { UserError } from "./user-error.js";

/** The published series hubsim ships (calibration.md), used when no --observations is given. */
export function defaultObservationsFile(): string {
  return join(packageInfo().root, "observations", "cafcass-published.csv");
}

/** Reads an observations CSV for a scenario: every bad line, and any area the scenario lacks, is a UserError. */
export function readObservations(path: string, scenario: Scenario): { observations: Observation[]; sha256: string } {
  const text = readBoundedText(path, 64 * 1024 * 1024, `--observations ${path}`);
  let observations: Observation[];
  try {
    observations = parseObservationsCsv(text, path);
  } catch (error) {
    throw new UserError((error as Error).message);
  }
  const problems = observationProblems(observations, scenario);
  if (problems.length > 0) throw new UserError(problems.join("\n"));
  return { observations, sha256: createHash("sha256").update(text).digest("hex") };
}
