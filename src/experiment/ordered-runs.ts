import { ReplicationCancelled } from "../model/index.js";

/**
 * The one scheduler for "run a window of tasks, hand back results in order": tasks first…first+count-1
 * start at most `window` at a time, each as another finishes (not as the reader asks, so workers never
 * wait for a slow reader), and their results are taken in index order whatever order they land in.
 * A failure stops new starts and surfaces where its result is taken; aborting `signal` (or `close`)
 * aborts the tasks in flight through the signal each task is given. Nothing starts until a result
 * is first asked for (`next`, `take` or `changed`), so a task may refer to the scheduler itself.
 */

/** How many tasks may be under way: `size` running, or (to bound the results held for a slow reader) `size` started and not yet taken. */
export interface RunWindow {
  readonly size: number;
  readonly counts: "running" | "untaken";
  /** With `counts: "running"`: at most this many started and not yet taken (default: no bound). */
  readonly held?: number;
}

export class OrderedRuns<T> {
  private readonly settled = new Map<number, { readonly value: T } | { readonly error: unknown }>();
  private readonly pending = new Map<number, Promise<T>>();
  private readonly inner = new AbortController();
  private readonly end: number;
  private nextStart: number;
  private nextTake: number;
  private running = 0;
  private failed = false;
  private wake: (() => void) | undefined;
  private dirty = false;
  private readonly onAbort = (): void => this.close();

  constructor(first: number, count: number, private readonly window: RunWindow, private readonly start: (index: number, signal: AbortSignal) => Promise<T>, private readonly signal?: AbortSignal) {
    this.nextStart = this.nextTake = first;
    this.end = first + count;
    signal?.addEventListener("abort", this.onAbort);
    if (signal?.aborted === true) this.close();
  }

  /** Whether the run was aborted (by the caller's signal or `close`). */
  get aborted(): boolean {
    return this.inner.signal.aborted;
  }

  /** Whether every result has been taken. */
  get finished(): boolean {
    return this.nextTake >= this.end;
  }

  /** The next result in order, waiting for it; throws the task's error if it failed. */
  async next(): Promise<T> {
    if (this.finished) throw new RangeError("no more results: every task's result has been taken");
    this.launch();
    const index = this.nextTake++;
    const run = this.pending.get(index);
    if (run === undefined) throw new ReplicationCancelled(); // aborted before it could start
    this.pending.delete(index);
    this.settled.delete(index);
    // No start here: the result handed out still counts until the next call, so a window of n holds at most n.
    return run;
  }

  /** The next result in order if it has already landed; undefined if it has not (throws if it failed). */
  take(): T | undefined {
    this.launch();
    const outcome = this.settled.get(this.nextTake);
    if (outcome === undefined) return undefined;
    this.settled.delete(this.nextTake);
    this.pending.delete(this.nextTake++);
    this.launch();
    if ("error" in outcome) throw outcome.error;
    return outcome.value;
  }

  /** Resolves when a task has landed or failed, the run was aborted, or `poke` was called, since the last call. */
  changed(): Promise<void> {
    this.launch();
    if (this.dirty) {
      this.dirty = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => (this.wake = () => {
      this.dirty = false;
      resolve();
    }));
  }

  /** Whether anything `changed` would report has happened since it was last asked, without waiting (so no task lands meanwhile). */
  news(): boolean {
    this.launch();
    const news = this.dirty;
    this.dirty = false;
    return news;
  }

  /** Wakes a reader waiting on `changed`, for news from outside the runs (a partial result). */
  poke(): void {
    this.dirty = true;
    this.wake?.();
    this.wake = undefined;
  }

  /** Stops starting tasks and aborts those in flight. */
  close(): void {
    this.signal?.removeEventListener("abort", this.onAbort);
    this.inner.abort();
    this.poke();
  }

  private busy(): number {
    return this.window.counts === "running" ? this.running : this.nextStart - this.nextTake;
  }

  private launch(): void {
    while (!this.failed && !this.inner.signal.aborted && this.nextStart < this.end && this.busy() < Math.max(1, this.window.size) && this.nextStart - this.nextTake < (this.window.held ?? Infinity)) {
      const index = this.nextStart++;
      const run = this.start(index, this.inner.signal);
      this.running++;
      this.pending.set(index, run);
      run.then((value) => {
        this.running--;
        if (this.pending.has(index)) this.settled.set(index, { value });
        this.launch();
        this.poke();
      }, (error: unknown) => {
        this.running--;
        this.failed = true;
        if (this.pending.has(index)) this.settled.set(index, { error });
        this.poke();
      });
    }
  }
}
