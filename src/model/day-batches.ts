import type { EventHandler, Simulation } from "../kernel/index.js";

/**
 * Events for many cases that fall due at the same moment, scheduled one after another with nothing
 * else scheduled between them (the ends of work to first hearing of the private referrals an area
 * takes in a day), as one event that runs the handler for each case in turn. One event fires where
 * the first of them would have, and nothing could have fired between them: they were neighbours in
 * the order (time, priority, sequence), and the handler schedules nothing due at once before the
 * next. So the order of everything is that of one event a case, for a fraction of the events.
 */
export class DayBatches {
  private readonly members: number[][] = [];
  private readonly counts: number[] = [];
  private readonly spare: number[] = [];
  /** Per key (an area): the batch being filled, its time, and the count of events scheduled when its last case joined. */
  private readonly open: Int32Array;
  private readonly openTime: Float64Array;
  private readonly openScheduled: Float64Array;
  private readonly keyOf: number[] = [];

  constructor(keys: number, private readonly sim: Simulation, private readonly handler: EventHandler) {
    this.open = new Int32Array(keys).fill(-1);
    this.openTime = new Float64Array(keys).fill(NaN);
    this.openScheduled = new Float64Array(keys).fill(NaN);
  }

  /**
   * Schedules `handler(id)` at `time` (priority 0) under `key`, joining the key's batch when nothing was
   * scheduled since its last case. A batch cannot be cancelled, so its cases have no handle of their own.
   */
  add(key: number, time: number, id: number): void {
    let b = this.open[key]!;
    if (b < 0 || this.openTime[key] !== time || this.openScheduled[key] !== this.sim.scheduled) {
      b = this.spare.length > 0 ? this.spare.pop()! : this.members.push([]) - 1;
      this.counts[b] = 0;
      this.keyOf[b] = key;
      this.sim.scheduleAt(time, this.fire, b);
      this.open[key] = b;
      this.openTime[key] = time;
    }
    this.members[b]![this.counts[b]!++] = id;
    this.openScheduled[key] = this.sim.scheduled;
  }

  private readonly fire = (b: number): void => {
    const ids = this.members[b]!, n = this.counts[b]!;
    if (this.open[this.keyOf[b]!] === b) this.open[this.keyOf[b]!] = -1;
    for (let i = 0; i < n; i++) this.handler(ids[i]!);
    this.spare.push(b);
  };
}
