import { requireFinite, requireNonNegative } from "./guard.js";
import { EventQueue, type EventHandle, type EventHandler } from "./event-queue.js";

/**
 * A discrete-event simulation: a clock and the events still to come.
 * Handlers are plain functions of an int32 payload (an entity index, say), so scheduling
 * allocates nothing; state lives in the model's own arrays.
 */
export class Simulation {
  private readonly queue: EventQueue;
  // A typed-array cell, not a number field: storing a double in it never allocates.
  private readonly clockCell = new Float64Array(1);
  private running = false;
  /** Events fired so far. */
  steps = 0;

  /**
   * Starts the clock at `startTime`; `capacity` is how many events may be pending at once, a hint
   * that saves growing the queue; `bucketWidth` is the span of time whose far-off events are kept
   * together until they are near (see EventQueue): about the interval of the model's regular events.
   */
  constructor(startTime = 0, capacity = 64, bucketWidth = 1) {
    requireFinite("startTime", startTime);
    this.queue = new EventQueue(capacity, bucketWidth);
    this.clockCell[0] = startTime;
  }

  /** The current simulated time. */
  get now(): number {
    return this.clockCell[0]!;
  }

  /** Events scheduled that have neither fired nor been cancelled. */
  get pending(): number {
    return this.queue.pending;
  }

  /**
   * Events scheduled so far (rescheduled ones count again): two events scheduled with no change in
   * it between them are neighbours in the firing order of their time and priority.
   */
  get scheduled(): number {
    return this.queue.scheduled;
  }

  /** Time of the next event, or Infinity when none is scheduled. */
  peek(): number {
    return this.queue.nextTime();
  }

  /** Schedules `handler(payload)` after `delay` (≥ 0); lower `priority` fires first at equal times. */
  schedule(delay: number, handler: EventHandler, payload = 0, priority = 0): EventHandle {
    if (!(delay >= 0) || delay === Infinity) requireNonNegative("delay", delay);
    const slot = this.queue.insert(this.clockCell[0]! + delay, priority, handler, payload);
    return this.queue.handleOf(slot);
  }

  /** Schedules `handler(payload)` at absolute `time` (not in the past). */
  scheduleAt(time: number, handler: EventHandler, payload = 0, priority = 0): EventHandle {
    requireFinite("time", time);
    if (time < this.clockCell[0]!) throw new RangeError(`time ${time} is in the past (now is ${this.clockCell[0]!})`);
    const slot = this.queue.insert(time, priority, handler, payload);
    return this.queue.handleOf(slot);
  }

  /** Cancels a pending event; throws if it already fired or was cancelled. */
  cancel(handle: EventHandle): void {
    this.queue.cancel(handle);
  }

  /**
   * Moves a pending event to absolute `time` (not in the past): the same as cancelling it and
   * scheduling its handler and payload anew at `time`, but cheaper when it moves later. Returns its
   * handle, which may have changed.
   */
  reschedule(handle: EventHandle, time: number, priority = 0): EventHandle {
    requireFinite("time", time);
    if (time < this.clockCell[0]!) throw new RangeError(`time ${time} is in the past (now is ${this.clockCell[0]!})`);
    return this.queue.reschedule(handle, time, priority);
  }

  /** Whether the event is still to fire. */
  isPending(handle: EventHandle): boolean {
    return this.queue.isPending(handle);
  }

  /** Fires every event due at or before `until`, then sets the clock to `until` (if finite). */
  run(until = Infinity): void {
    if (Number.isNaN(until)) throw new RangeError("until must be a number (got NaN)");
    if (until < this.clockCell[0]!) throw new RangeError(`until ${until} is in the past (now is ${this.clockCell[0]!})`);
    if (this.running) throw new Error("run() called from inside an event handler");
    this.running = true;
    try {
      this.loop(until);
    } finally {
      this.running = false;
    }
    if (until !== Infinity) this.clockCell[0] = until;
  }

  private loop(until: number): void {
    const queue = this.queue;
    let steps = this.steps;
    for (;;) {
      const slot = queue.popUntil(until);
      if (slot < 0) break;
      const handler = queue.handlerOf(slot);
      const payload = queue.payloadOf(slot);
      this.clockCell[0] = queue.poppedTime();
      this.steps = ++steps;
      handler(payload);
    }
  }

  /** Fires the next event, if any; returns whether one fired. */
  step(): boolean {
    const slot = this.queue.popUntil(Infinity);
    if (slot < 0) return false;
    const handler = this.queue.handlerOf(slot);
    const payload = this.queue.payloadOf(slot);
    this.clockCell[0] = this.queue.poppedTime();
    this.steps++;
    handler(payload);
    return true;
  }
}
