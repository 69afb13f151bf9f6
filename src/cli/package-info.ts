import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** hubsim's package.json fields the CLI reports. */
export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly root: string;
}

/** Finds hubsim's package.json above this file (works from src/ under vitest and from dist/). */
export function packageInfo(): PackageInfo {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "hubsim") return { name: pkg.name, version: pkg.version ?? "0.0.0", root: dir };
    }
    const up = dirname(dir);
    if (up === dir) throw new Error("hubsim's package.json not found above " + fileURLToPath(import.meta.url));
    dir = up;
  }
}
