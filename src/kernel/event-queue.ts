import { requireInteger } from "./guard.js";
import { SlotPool } from "./slot-pool.js";

/** A function run when its event fires; the payload is the int32 given when it was scheduled (an entity index, say). */
export type EventHandler = (payload: number) => void;

/** Opaque number that identifies one scheduled event, for `cancel` and `isPending`. */
export type EventHandle = number;

/** Lowest and highest event priority; lower numbers fire first among events at the same time. */
export const MIN_PRIORITY = -2048;
export const MAX_PRIORITY = 2047;

const SLOT_SPACE = 2 ** 22; // handle = stamp * SLOT_SPACE + slot
const SEQUENCE_SPACE = 2 ** 41; // tie key = (priority - MIN_PRIORITY) * SEQUENCE_SPACE + sequence

/** Buckets this close to the frontier keep their lists in a ring; further ones (rare) in a map. */
const NEAR_BUCKETS = 2048;

const cancelled: EventHandler = () => {
  throw new Error("a cancelled event fired");
};

/**
 * Future events ordered by (time, priority, sequence): ties in time go to the lower priority
 * number, then to the event scheduled first, so the order never depends on heap luck.
 *
 * The heap moves only (time, slot) pairs; everything else about an event sits in typed arrays
 * indexed by its slot, and the tie key is read only when two times are equal. A slot's stamp
 * is odd while its event is pending, so a handle (stamp, slot) goes stale the moment the event
 * fires or is cancelled. Cancelled events stay in the heap and are dropped when they surface.
 *
 * Events beyond the current bucket (a span of `bucketWidth` time units) wait unsorted in a
 * list per bucket and join the heap only when the heap has run dry, so the heap holds the near
 * future alone: a model whose every case has its end scheduled months ahead pays for a heap of
 * one day's events, not of every open case. Every event in the heap is earlier than every
 * event in a bucket, so the order is exactly that of one heap; an event cancelled while in
 * its bucket never reaches the heap, and one moved later while in its bucket (`reschedule`) stays in
 * that bucket's list and goes on to its new bucket when the list is emptied.
 *
 * One class in one file, about 350 lines: the heap and the buckets share the slot arrays
 * and the innermost loop of every run, which splitting them apart would put behind extra calls.
 */
export class EventQueue {
  private times: Float64Array;
  private heapSlots: Int32Array;
  private size = 0;
  private readonly slots = new SlotPool();
  private handlers: EventHandler[] = [];
  private payloads: Int32Array;
  private ties: Float64Array;
  private stamps: Float64Array;
  private sequence = 0;
  /** Events scheduled and neither fired nor cancelled. */
  pending = 0;

  /** Events scheduled so far (rescheduling counts as scheduling anew). */
  get scheduled(): number {
    return this.sequence;
  }
  private readonly popped = new Float64Array(1);
  /** Per slot: the event's time and the next slot in its bucket's list (-1 at the end). */
  private slotTimes: Float64Array;
  private nextInBucket: Int32Array;
  /**
   * First slot of each bucket's list: in the ring for buckets within NEAR_BUCKETS of the frontier when
   * they were first used, else in the map (a bucket may have a list in each); and the bucket numbers in
   * a min-heap.
   */
  private readonly nearHeads = new Int32Array(NEAR_BUCKETS).fill(-1);
  private readonly farHeads = new Map<number, number>();
  private bucketKeys = new Float64Array(64);
  private bucketCount = 0;
  /** Buckets below this number have joined the heap: events due before its start go straight to the heap. */
  private frontier = -Infinity;
  private readonly perBucket: number;

  /**
   * Room for `capacity` events at first (the arrays grow by doubling beyond), so a caller that
   * knows its size avoids the copies; `bucketWidth` is the span of time whose events share a
   * bucket (the model's day, say: wide enough that the heap stays small, narrow enough that a
   * bucket holds a few hundred events).
   */
  constructor(capacity = 64, bucketWidth = 1) {
    if (!(bucketWidth > 0) || bucketWidth === Infinity) throw new RangeError(`bucketWidth must be a positive number (got ${String(bucketWidth)})`);
    const n = Math.max(64, Math.min(SLOT_SPACE, Math.ceil(capacity)));
    this.times = new Float64Array(n);
    this.heapSlots = new Int32Array(n);
    this.payloads = new Int32Array(n);
    this.ties = new Float64Array(n);
    this.stamps = new Float64Array(n);
    this.slotTimes = new Float64Array(n);
    this.nextInBucket = new Int32Array(n);
    this.perBucket = 1 / bucketWidth;
  }

  /** Adds an event and returns its handle. The time must already be checked by the caller. */
  push(time: number, priority: number, handler: EventHandler, payload: number): EventHandle {
    return this.handleOf(this.insert(time, priority, handler, payload));
  }

  /**
   * Adds an event like `push` but returns its slot, a small integer, so a caller that drops
   * the handle never builds it (a handle above 2^30 is a heap-allocated double).
   */
  insert(time: number, priority: number, handler: EventHandler, payload: number): number {
    if (priority !== 0 || (payload | 0) !== payload || this.sequence >= SEQUENCE_SPACE) this.checkPush(priority, payload);
    const slot = this.slots.acquire();
    if (slot >= this.stamps.length) this.growSlots(slot);
    this.handlers[slot] = handler;
    this.payloads[slot] = payload;
    this.ties[slot] = (priority - MIN_PRIORITY) * SEQUENCE_SPACE + this.sequence++;
    this.stamps[slot]!++;
    this.pending++;
    this.slotTimes[slot] = time; // read by reschedule wherever the event waits
    const bucket = Math.floor(time * this.perBucket);
    if (bucket < this.frontier) this.siftUp(time, slot);
    else this.addToBucket(bucket, time, slot);
    return slot;
  }

  /** Handle of the event now pending in `slot`. */
  handleOf(slot: number): EventHandle {
    return this.stamps[slot]! * SLOT_SPACE + slot;
  }

  /** Whether the handle names an event that has neither fired nor been cancelled. */
  isPending(handle: EventHandle): boolean {
    return this.pendingSlot(handle) >= 0;
  }

  /** Cancels a pending event; throws when the handle has fired, was cancelled or never existed. */
  cancel(handle: EventHandle): void {
    const slot = this.pendingSlot(handle);
    if (slot < 0) {
      throw new RangeError(`cannot cancel event ${String(handle)}: it has already fired, was cancelled, or never existed`);
    }
    this.stamps[slot]!++;
    this.handlers[slot] = cancelled;
    this.pending--;
  }

  /**
   * Moves a pending event to `time` with `priority`, exactly as cancelling it and pushing it anew with
   * the same handler and payload would (it takes the next sequence number), and returns its handle.
   * An event still waiting in its bucket and moved no earlier keeps its slot and handle, which saves the
   * cancelled slot, the new one and the handle's change; otherwise the handle is new. Throws like `cancel`.
   */
  reschedule(handle: EventHandle, time: number, priority: number): EventHandle {
    const slot = this.pendingSlot(handle);
    if (slot >= 0 && priority === 0 && time >= this.slotTimes[slot]! && Math.floor(this.slotTimes[slot]! * this.perBucket) >= this.frontier && this.sequence < SEQUENCE_SPACE) {
      this.slotTimes[slot] = time;
      this.ties[slot] = -MIN_PRIORITY * SEQUENCE_SPACE + this.sequence++;
      return handle;
    }
    const handler = slot >= 0 ? this.handlers[slot]! : cancelled, payload = slot >= 0 ? this.payloads[slot]! : 0;
    this.cancel(handle);
    return this.push(time, priority, handler, payload);
  }

  /** Time of the next live event, or Infinity when none is left. */
  nextTime(): number {
    for (;;) {
      while (this.size > 0 && this.handlers[this.heapSlots[0]!] === cancelled) this.slots.release(this.popTop());
      if (this.size > 0) return this.times[0]!;
      if (this.bucketCount === 0) return Infinity;
      this.flushBucket();
    }
  }

  /**
   * Removes the next live event if it is due at or before `until` and returns its slot
   * (read it with `handlerOf`/`payloadOf` before scheduling anything else); -1 otherwise.
   * The slot is already free for reuse.
   */
  popUntil(until: number): number {
    for (;;) {
      if (this.size === 0) {
        if (this.bucketCount === 0) return -1;
        this.flushBucket();
        continue;
      }
      const time = this.times[0]!;
      if (time > until) return -1;
      const slot = this.popTop();
      this.slots.release(slot);
      if (this.handlers[slot] === cancelled) continue;
      this.stamps[slot]!++;
      this.popped[0] = time;
      this.pending--;
      return slot;
    }
  }

  /** Time of the event most recently taken by `popUntil`. */
  poppedTime(): number {
    return this.popped[0]!;
  }

  /** Handler of a popped slot. */
  handlerOf(slot: number): EventHandler {
    return this.handlers[slot]!;
  }

  /** Payload of a popped slot. */
  payloadOf(slot: number): number {
    return this.payloads[slot]!;
  }

  /**
   * The slot of the pending event a handle names, or -1. Division by SLOT_SPACE (a power of two) is
   * exact and the stamp stays below 2^31, so this takes no floating-point remainder (a call into C).
   */
  private pendingSlot(handle: EventHandle): number {
    if (!(handle >= 0) || handle > Number.MAX_SAFE_INTEGER) return -1;
    const stamp = Math.floor(handle / SLOT_SPACE), slot = handle - stamp * SLOT_SPACE;
    if ((slot | 0) !== slot || (stamp & 1) !== 1 || slot >= this.stamps.length) return -1;
    return this.stamps[slot] === stamp ? slot : -1;
  }

  private addToBucket(bucket: number, time: number, slot: number): void {
    this.slotTimes[slot] = time;
    if (bucket - this.frontier < NEAR_BUCKETS) {
      const at = bucket & (NEAR_BUCKETS - 1), head = this.nearHeads[at]!;
      // A bucket first used while far may already be in the min-heap; each number goes there once.
      if (head < 0 && (this.farHeads.size === 0 || !this.farHeads.has(bucket))) this.pushBucketKey(bucket);
      this.nextInBucket[slot] = head;
      this.nearHeads[at] = slot;
      return;
    }
    const head = this.farHeads.get(bucket);
    if (head === undefined) this.pushBucketKey(bucket);
    this.nextInBucket[slot] = head ?? -1;
    this.farHeads.set(bucket, slot);
  }

  /** Moves the earliest bucket's live events into the (empty) heap. */
  private flushBucket(): void {
    const bucket = this.popBucketKey(), at = bucket & (NEAR_BUCKETS - 1);
    this.frontier = bucket + 1;
    // Every list in the ring is of a bucket below the old frontier + NEAR_BUCKETS, so this one's is this bucket's.
    // It is emptied before it is walked: a rescheduled event may move on to the bucket NEAR_BUCKETS later, at the same place.
    const near = this.nearHeads[at]!;
    this.nearHeads[at] = -1;
    this.moveToHeap(near);
    if (this.farHeads.size === 0) return;
    const far = this.farHeads.get(bucket);
    if (far === undefined) return;
    this.farHeads.delete(bucket);
    this.moveToHeap(far);
  }

  private moveToHeap(first: number): void {
    let slot = first;
    while (slot >= 0) {
      const next = this.nextInBucket[slot]!;
      const time = this.slotTimes[slot]!, bucket = Math.floor(time * this.perBucket);
      if (this.handlers[slot] === cancelled) this.slots.release(slot);
      else if (bucket >= this.frontier) this.addToBucket(bucket, time, slot); // rescheduled while it waited here
      else this.siftUp(time, slot);
      slot = next;
    }
  }

  private pushBucketKey(key: number): void {
    if (this.bucketCount === this.bucketKeys.length) {
      const bigger = new Float64Array(this.bucketKeys.length * 2);
      bigger.set(this.bucketKeys);
      this.bucketKeys = bigger;
    }
    const keys = this.bucketKeys;
    let i = this.bucketCount++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      i = parent;
    }
    keys[i] = key;
  }

  private popBucketKey(): number {
    const keys = this.bucketKeys, top = keys[0]!, n = --this.bucketCount, last = keys[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
      if (last <= keys[child]!) break;
      keys[i] = keys[child]!;
      i = child;
    }
    keys[i] = last;
    return top;
  }

  private checkPush(priority: number, payload: number): void {
    requireInteger("priority", priority, MIN_PRIORITY, MAX_PRIORITY);
    requireInteger("payload", payload, -(2 ** 31), 2 ** 31 - 1);
    if (this.sequence >= SEQUENCE_SPACE) throw new RangeError(`event sequence exhausted (${this.sequence} events)`);
  }

  private siftUp(time: number, slot: number): void {
    if (this.size === this.times.length) this.growHeap();
    const times = this.times, heapSlots = this.heapSlots, ties = this.ties;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && ties[heapSlots[parent]!]! < ties[slot]!)) break;
      times[i] = pt;
      heapSlots[i] = heapSlots[parent]!;
      i = parent;
    }
    times[i] = time;
    heapSlots[i] = slot;
  }

  private popTop(): number {
    const times = this.times, heapSlots = this.heapSlots, ties = this.ties;
    const top = heapSlots[0]!;
    const n = --this.size;
    if (n === 0) return top;
    const lastTime = times[n]!, lastSlot = heapSlots[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.before(times[right]!, heapSlots[right]!, times[child]!, heapSlots[child]!)) child = right;
      const ct = times[child]!;
      if (lastTime < ct || (lastTime === ct && ties[lastSlot]! < ties[heapSlots[child]!]!)) break;
      times[i] = ct;
      heapSlots[i] = heapSlots[child]!;
      i = child;
    }
    times[i] = lastTime;
    heapSlots[i] = lastSlot;
    return top;
  }

  private before(ta: number, sa: number, tb: number, sb: number): boolean {
    return ta < tb || (ta === tb && this.ties[sa]! < this.ties[sb]!);
  }

  private growHeap(): void {
    const n = this.times.length * 2;
    const times = new Float64Array(n), heapSlots = new Int32Array(n);
    times.set(this.times); heapSlots.set(this.heapSlots);
    this.times = times; this.heapSlots = heapSlots;
  }

  private growSlots(slot: number): void {
    if (slot >= SLOT_SPACE) throw new RangeError(`too many pending events (${slot}); the limit is ${SLOT_SPACE}`);
    const n = Math.min(this.stamps.length * 2, SLOT_SPACE);
    const payloads = new Int32Array(n), ties = new Float64Array(n), stamps = new Float64Array(n), slotTimes = new Float64Array(n), nextInBucket = new Int32Array(n);
    payloads.set(this.payloads); ties.set(this.ties); stamps.set(this.stamps); slotTimes.set(this.slotTimes); nextInBucket.set(this.nextInBucket);
    this.payloads = payloads; this.ties = ties; this.stamps = stamps; this.slotTimes = slotTimes; this.nextInBucket = nextInBucket;
  }
}
