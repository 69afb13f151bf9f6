import { readFileSync, statSync } from "node:fs";
import { UserError } from "./user-error.js";

/**
 * Reads a regular file of at most `maxBytes` as text (never a device, a pipe or a directory, which
 * could block or exhaust memory); a problem is a UserError starting with `label` that never quotes the content.
 */
export function readBoundedText(path: string, maxBytes: number, label = `cannot read ${path}`): string {
  return readBoundedBytes(path, maxBytes, label).toString("utf8");
}

/** Reads a regular file of at most `maxBytes` as bytes (a workbook), refused as `readBoundedText` refuses. */
export function readBoundedBytes(path: string, maxBytes: number, label = `cannot read ${path}`): Buffer {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UserError(`${label}: not a regular file`);
    if (stat.size > maxBytes) throw new UserError(`${label}: ${(stat.size / 1048576).toFixed(0)} MB is more than the ${maxBytes / 1048576} MB hubsim reads`);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${label}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "is a directory" : (code ?? "unreadable")}`);
  }
}
