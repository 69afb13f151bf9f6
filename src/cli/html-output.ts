import { basename, dirname, resolve } from "node:path";
import { writeFilesAtomically } from "./atomic-write.js";

/** Writes an HTML report to `file` atomically and returns the path written. */
export function writeHtml(file: string, html: string): string {
  return writeFilesAtomically(dirname(resolve(file)), { [basename(file)]: html })[0]!;
}
