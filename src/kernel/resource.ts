import { requireInteger } from "./guard.js";
import { WaitingLine } from "./waiting-line.js";
import { Level } from "./level.js";
import type { Simulation } from "./simulation.js";
import { SlotPool } from "./slot-pool.js";
import { Tally } from "./tally.js";

/** Options for a Resource. */
export interface ResourceOptions {
  /** Keep the busy/queue Levels and the wait Tally (default true); off saves time in hot models. */
  readonly monitored?: boolean;
}

/** Called when a request is granted a unit: its int32 payload and how long it waited. */
export type GrantHandler = (payload: number, waited: number) => void;

/**
 * A pool of identical units (servers) with a waiting line served non-preemptively by
 * (priority, arrival order): lower priority numbers first, first come first served within one.
 * A request is granted at once, synchronously, while a unit is free; `release` hands the
 * freed unit straight to the head of the line. Keeps its own monitors for Little's law
 * unless built with `monitored: false`.
 */
export class Resource {
  private readonly line = new WaitingLine();
  private readonly slots = new SlotPool();
  private handlers: GrantHandler[] = [];
  private payloads = new Int32Array(64);
  private requestedAt = new Float64Array(64);
  private sequence = 0;
  private inUse = 0;
  private readonly monitored: boolean;
  /** Units in use over time. */
  readonly busy: Level;
  /** Requests waiting over time. */
  readonly queueLength: Level;
  /** Time each granted request waited. */
  readonly waits = new Tally();

  constructor(
    private readonly sim: Simulation,
    /** Number of units. */
    readonly capacity: number,
    options: ResourceOptions = {},
  ) {
    requireInteger("capacity", capacity, 1, 2 ** 31 - 1);
    this.monitored = options.monitored ?? true;
    this.busy = new Level(0, sim.now);
    this.queueLength = new Level(0, sim.now);
  }

  /** Units in use now. */
  get used(): number {
    return this.inUse;
  }

  /** Requests waiting now. */
  get waiting(): number {
    return this.line.size;
  }

  /** Asks for one unit; `onGrant(payload, waited)` runs when it is granted (now, if one is free). */
  request(onGrant: GrantHandler, payload = 0, priority = 0): void {
    if (this.inUse === this.capacity) {
      this.enqueue(onGrant, payload, priority);
      return;
    }
    this.inUse++;
    if (this.monitored) {
      this.busy.set(this.sim.now, this.inUse);
      this.waits.observe(0);
    }
    onGrant(payload, 0);
  }

  /** Returns one unit, granting it to the next waiting request if there is one. */
  release(): void {
    if (this.line.size > 0) {
      this.grantNext();
      return;
    }
    if (this.inUse === 0) throw new RangeError("release() called with no unit in use");
    this.inUse--;
    if (this.monitored) this.busy.set(this.sim.now, this.inUse);
  }

  // The waiting paths live in their own methods so the free-unit paths stay small enough
  // for V8 to inline into model handlers.
  private enqueue(onGrant: GrantHandler, payload: number, priority: number): void {
    if (priority !== 0) requireInteger("priority", priority, -(2 ** 20), 2 ** 20);
    if ((payload | 0) !== payload) requireInteger("payload", payload, -(2 ** 31), 2 ** 31 - 1);
    const slot = this.slots.acquire();
    if (slot >= this.payloads.length) this.grow();
    this.handlers[slot] = onGrant;
    this.payloads[slot] = payload;
    this.requestedAt[slot] = this.sim.now;
    this.line.push(priority, this.sequence++, slot);
    if (this.monitored) this.queueLength.set(this.sim.now, this.line.size);
  }

  private grantNext(): void {
    const now = this.sim.now;
    const slot = this.line.pop();
    const waited = now - this.requestedAt[slot]!;
    const handler = this.handlers[slot]!, payload = this.payloads[slot]!;
    this.slots.release(slot);
    if (this.monitored) {
      this.queueLength.set(now, this.line.size);
      this.waits.observe(waited);
    }
    handler(payload, waited);
  }

  /** Clears the monitors at `now` (end of a warm-up), keeping the current state. */
  resetStatistics(): void {
    const now = this.sim.now;
    this.busy.reset(now);
    this.queueLength.reset(now);
    this.waits.reset();
  }

  private grow(): void {
    const n = this.payloads.length * 2;
    const payloads = new Int32Array(n), requestedAt = new Float64Array(n);
    payloads.set(this.payloads); requestedAt.set(this.requestedAt);
    this.payloads = payloads; this.requestedAt = requestedAt;
  }
}
