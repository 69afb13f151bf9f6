import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join, resolve, sep } from "node:path";
import { UserError } from "./user-error.js";

// Output sets are all-or-nothing (a file over 200 lines would split the lock from the swap it guards).
//
// `--out DIR` is replaced as a whole: the new files (and any old file the new set does not
// replace) go into a fresh temporary directory beside DIR, which is then swapped in with two
// renames (old aside, new in) and the old one removed. A failure before the swap leaves DIR as it
// was; a kill between the renames is undone by the next hubsim that claims DIR. A lock file
// beside DIR, taken before any work, refuses a second writer. Temporary names carry the PID
// and random bytes, so two containers that are both PID 1 do not collide.

const TOKEN = randomBytes(6).toString("hex");
const live = new Set<Claim>();

/** A path this process has locked for writing; `release` removes the lock (and any temporaries). */
interface Claim {
  readonly path: string;
  readonly lock: string;
  readonly created: string | undefined;
  temps: string[];
  written: boolean;
}

const lockPath = (path: string): string => join(dirname(path), `.${basename(path)}.hubsim-lock`);
const tempName = (path: string, what: "tmp" | "old"): string => join(dirname(path), `.${basename(path)}.${process.pid}.${TOKEN}${randomBytes(3).toString("hex")}.${what}`);
const isOurs = (name: string): boolean => /\.hubsim-lock$|\.\d+\.[0-9a-f]{18}\.(tmp|old)$/.test(name);

/** Test-only fault injection (HUBSIM_TEST_FAULT=fail-before-swap|kill-before-swap|kill-mid-swap), so the tests can show a failed or killed write changes nothing. */
function fault(at: "before-swap" | "mid-swap"): void {
  const f = process.env.HUBSIM_TEST_FAULT;
  if (f === `fail-${at}`) throw new Error(`injected failure ${at}`);
  if (f === `kill-${at}`) process.kill(process.pid, "SIGKILL");
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock beside `path`, clearing one left by a hubsim on this host that has since died. */
function lock(path: string, label: string): string {
  const file = lockPath(path);
  const body = JSON.stringify({ pid: process.pid, host: hostname(), token: TOKEN }) + "\n";
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, body, { flag: "wx" });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw new UserError(`${label}: cannot create the lock ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    const holder = readHolder(file);
    if (holder === undefined || holder.host !== hostname() || alive(holder.pid)) {
      const who = holder === undefined ? "another hubsim" : `hubsim process ${holder.pid}${holder.host === hostname() ? "" : ` on ${holder.host}`}`;
      throw new UserError(`${label} is being written by ${who} (lock ${file}); wait for it to finish, or remove the lock if no hubsim is running`);
    }
    recover(path, holder.pid);
    rmSync(file, { force: true });
  }
  throw new UserError(`${label}: cannot take the lock ${file}`);
}

function readHolder(file: string): { pid: number; host: string } | undefined {
  try {
    const h = JSON.parse(readFileSync(file, "utf8")) as { pid?: unknown; host?: unknown };
    return typeof h.pid === "number" && typeof h.host === "string" ? { pid: h.pid, host: h.host } : undefined;
  } catch {
    return undefined;
  }
}

/** Undoes what a killed writer left beside `path`: puts an old set moved aside back, removes its temporaries. */
function recover(path: string, pid: number): void {
  const prefix = `.${basename(path)}.${pid}.`;
  for (const name of readdirSync(dirname(path)).filter((n) => n.startsWith(prefix) && isOurs(n))) {
    const full = join(dirname(path), name);
    if (name.endsWith(".old") && !existsSync(path)) renameSync(full, path);
    else rmSync(full, { recursive: true, force: true });
  }
}

/** The nearest existing ancestor's problems, or the directories that must be made. */
function makeParent(path: string, label: string): string | undefined {
  try {
    return mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new UserError(`${label}: cannot create its folder ${dirname(path)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function claim(path: string, label: string): Claim {
  const created = makeParent(path, label);
  try {
    const c: Claim = { path, lock: lock(path, label), created, temps: [], written: false };
    live.add(c);
    return c;
  } catch (error) {
    if (created !== undefined) removeEmptyDirs(created, dirname(path));
    throw error;
  }
}

function removeEmptyDirs(top: string, from: string): void {
  for (let d = from; d.length >= top.length; d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
  }
}

function release(c: Claim): void {
  if (!live.delete(c)) return;
  for (const t of c.temps) restoreOrRemove(c.path, t);
  rmSync(c.lock, { force: true });
  if (!c.written && c.created !== undefined) removeEmptyDirs(c.created, dirname(c.path));
}

function restoreOrRemove(path: string, temp: string): void {
  try {
    if (temp.endsWith(".old") && existsSync(temp) && !existsSync(path)) renameSync(temp, path);
    else rmSync(temp, { recursive: true, force: true });
  } catch {
    // best effort on the way out; the next claim recovers what is left
  }
}

/** Releases every claim this process holds (for signal handlers: nothing half-written is left behind). */
export function releaseAllOutputs(): void {
  for (const c of [...live]) release(c);
}

/** An output directory, checked and locked before any work; `write` replaces its set of files at once and returns their paths. */
export interface OutputDir {
  readonly path: string;
  /** Writes `files` as the new set; old files not replaced are kept, bar those named in `drop`. */
  write(files: Readonly<Record<string, string>>, drop?: readonly string[]): string[];
}

/** A single output file (HTML, a workbook, a partial), checked and locked before any work; `write` renames it into place. */
export interface OutputFile {
  readonly path: string;
  write(content: string | Uint8Array): string;
}

/** Checks `dir` can take an output set and locks it; throws a UserError naming the flag and the problem. */
function checkDir(path: string, label: string): void {
  const cwd = process.cwd();
  if (cwd === path || cwd.startsWith(path + sep)) throw new UserError(`${label}: is the current directory or holds it; hubsim replaces --out as a whole, so name a directory of its own`);
  if (!existsSync(path)) return;
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) throw new UserError(`${label}: is a symbolic link; give the directory itself`);
  if (!stat.isDirectory()) throw new UserError(`${label}: exists and is not a directory`);
  const dirs = readdirSync(path, { withFileTypes: true }).filter((e) => e.isDirectory() && !isOurs(e.name)).map((e) => e.name);
  if (dirs.length > 0) throw new UserError(`${label}: holds a directory (${dirs.slice(0, 3).join(", ")}); hubsim replaces --out as a whole set of files, so give a new directory or one of files only`);
}

function checkFile(path: string, label: string): void {
  if (existsSync(path) && !lstatSync(path).isFile()) throw new UserError(`${label}: exists and is not a regular file`);
}

/** Claims `--out DIR` (or another flag's directory) before any simulation. */
export function claimOutputDir(dir: string, flag = "--out"): OutputDir & { release(): void } {
  const path = resolve(dir), label = `${flag} ${dir}`;
  checkDir(path, label);
  const c = claim(path, label);
  return { path, write: (files, drop = []) => writeSet(c, label, files, drop).map((name) => join(dir, name)), release: () => release(c) };
}

/** Claims a single output file before any simulation. */
export function claimOutputFile(file: string, flag: string): OutputFile & { release(): void } {
  const path = resolve(file), label = `${flag} ${file}`;
  checkFile(path, label);
  const c = claim(path, label);
  return { path, write: (text) => (writeOne(c, label, text), file), release: () => release(c) };
}

/** Writes one file through a temporary name beside it and a rename (no lock: for files no one else writes, e.g. a private temporary). */
export function writeFileAtomically(file: string, text: string): string {
  const path = resolve(file), temp = tempName(path, "tmp");
  try {
    writeFileSync(temp, text, { flag: "wx" });
    renameSync(temp, path);
    return path;
  } catch (error) {
    rmSync(temp, { force: true });
    throw new UserError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function writeOne(c: Claim, label: string, text: string | Uint8Array): string {
  const temp = tempName(c.path, "tmp");
  c.temps.push(temp);
  try {
    checkFile(c.path, label);
    writeFileSync(temp, text, { flag: "wx" });
    fault("before-swap");
    renameSync(temp, c.path);
    c.written = true;
    return c.path;
  } catch (error) {
    rmSync(temp, { force: true });
    throw asUserError(c.path, error);
  }
}

function asUserError(path: string, error: unknown): Error {
  if (error instanceof UserError) return error;
  return new UserError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; it is left as it was`);
}

function writeSet(c: Claim, label: string, files: Readonly<Record<string, string>>, drop: readonly string[]): string[] {
  const temp = tempName(c.path, "tmp"), aside = tempName(c.path, "old");
  c.temps.push(temp, aside);
  try {
    checkDir(c.path, label);
    mkdirSync(temp);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(temp, name), text, { flag: "wx" });
    if (existsSync(c.path)) carryOver(c.path, temp, files, drop);
    fault("before-swap");
    if (existsSync(c.path)) {
      renameSync(c.path, aside);
      fault("mid-swap");
      renameSync(temp, c.path);
    } else {
      renameSync(temp, c.path);
    }
    c.written = true;
  } catch (error) {
    restoreOrRemove(c.path, aside);
    rmSync(temp, { recursive: true, force: true });
    throw asUserError(c.path, error);
  }
  rmSync(aside, { recursive: true, force: true });
  return Object.keys(files);
}

/** Old files the new set does not replace (an HTML report, another shard's partial) stay in the directory. */
function carryOver(from: string, to: string, files: Readonly<Record<string, string>>, drop: readonly string[]): void {
  for (const name of readdirSync(from)) {
    if (name in files || drop.includes(name) || isOurs(name)) continue;
    try {
      linkSync(join(from, name), join(to, name));
    } catch {
      copyFileSync(join(from, name), join(to, name));
    }
  }
}
