import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Simulation } from "../../src/kernel/index.js";

describe("Simulation", () => {
  it("fires events in time order and advances the clock to each", () => {
    const sim = new Simulation();
    const log: string[] = [];
    const record = (id: number): void => void log.push(`${id}@${sim.now}`);
    sim.schedule(5, record, 1);
    sim.schedule(1.5, record, 2);
    sim.schedule(3, record, 3);
    sim.run();
    expect(log).toEqual(["2@1.5", "3@3", "1@5"]);
    expect(sim.steps).toBe(3);
  });

  it("breaks ties by priority, then by the order events were scheduled", () => {
    const sim = new Simulation();
    const log: number[] = [];
    const record = (id: number): void => void log.push(id);
    sim.schedule(1, record, 10);
    sim.schedule(1, record, 11, 5);
    sim.schedule(1, record, 12, -3);
    sim.schedule(1, record, 13);
    sim.schedule(1, record, 14, -3);
    sim.schedule(0.5, record, 15, 7);
    sim.run();
    expect(log).toEqual([15, 12, 14, 10, 13, 11]);
  });

  it("keeps the tie order when events are scheduled from inside handlers", () => {
    const sim = new Simulation();
    const log: string[] = [];
    const child = (id: number): void => void log.push(`child ${id}`);
    const parent = (id: number): void => {
      log.push(`parent ${id}`);
      sim.schedule(0, child, id);
    };
    sim.schedule(2, parent, 1);
    sim.schedule(2, parent, 2);
    sim.run();
    expect(log).toEqual(["parent 1", "parent 2", "child 1", "child 2"]);
  });

  it("runs only events due by `until` and leaves the clock at `until`", () => {
    const sim = new Simulation();
    const fired: number[] = [];
    for (const t of [1, 2, 3, 4]) sim.schedule(t, (p) => void fired.push(p), t);
    sim.run(2.5);
    expect(fired).toEqual([1, 2]);
    expect(sim.now).toBe(2.5);
    expect(sim.pending).toBe(2);
    expect(sim.peek()).toBe(3);
    sim.run(3);
    expect(fired).toEqual([1, 2, 3]);
  });

  it("cancels a pending event, and refuses to cancel one twice or after it fired", () => {
    const sim = new Simulation();
    const fired: number[] = [];
    const a = sim.schedule(1, (p) => void fired.push(p), 1);
    const b = sim.schedule(2, (p) => void fired.push(p), 2);
    expect(sim.isPending(a)).toBe(true);
    sim.cancel(a);
    expect(sim.isPending(a)).toBe(false);
    expect(sim.pending).toBe(1);
    expect(() => sim.cancel(a)).toThrow(/cannot cancel event .*already fired, was cancelled/);
    sim.run();
    expect(fired).toEqual([2]);
    expect(() => sim.cancel(b)).toThrow(/cannot cancel/);
    expect(sim.peek()).toBe(Infinity);
  });

  it("does not let a stale handle cancel the event that reuses its slot", () => {
    const sim = new Simulation();
    const fired: number[] = [];
    const first = sim.schedule(1, (p) => void fired.push(p), 1);
    sim.run(1);
    const second = sim.schedule(1, (p) => void fired.push(p), 2);
    expect(second).not.toBe(first);
    expect(() => sim.cancel(first)).toThrow(/cannot cancel/);
    sim.run();
    expect(fired).toEqual([1, 2]);
  });

  it("steps one event at a time", () => {
    const sim = new Simulation(10);
    sim.schedule(1, () => {});
    expect(sim.step()).toBe(true);
    expect(sim.now).toBe(11);
    expect(sim.step()).toBe(false);
  });

  it("names the offending value on misuse", () => {
    const sim = new Simulation();
    sim.run(5);
    const h = (): void => {};
    expect(() => sim.schedule(-1, h)).toThrow("delay must be a finite number ≥ 0 (got -1)");
    expect(() => sim.schedule(NaN, h)).toThrow("delay must be a finite number ≥ 0 (got NaN)");
    expect(() => sim.schedule(Infinity, h)).toThrow("delay must be a finite number ≥ 0 (got Infinity)");
    expect(() => sim.scheduleAt(4, h)).toThrow("time 4 is in the past (now is 5)");
    expect(() => sim.scheduleAt(NaN, h)).toThrow("time must be a finite number (got NaN)");
    expect(() => sim.run(3)).toThrow("until 3 is in the past (now is 5)");
    expect(() => sim.run(NaN)).toThrow("until must be a number (got NaN)");
    expect(() => sim.schedule(1, h, 0, 1.5)).toThrow("priority must be an integer in [-2048, 2047] (got 1.5)");
    expect(() => sim.schedule(1, h, 0.5)).toThrow("payload must be an integer in [-2147483648, 2147483647] (got 0.5)");
    expect(() => new Simulation(NaN)).toThrow("startTime must be a finite number (got NaN)");
  });

  it("refuses to run from inside a handler", () => {
    const sim = new Simulation();
    sim.schedule(1, () => sim.run(10));
    expect(() => sim.run()).toThrow("run() called from inside an event handler");
  });

  it("keeps the heap ordered through many random pushes and cancels", () => {
    const sim = new Simulation();
    const times: number[] = [];
    let x = 12345;
    const next = (): number => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const handles: number[] = [];
    for (let i = 0; i < 5000; i++) handles.push(sim.schedule(Math.floor(next() * 100), () => void times.push(sim.now)));
    for (let i = 0; i < 5000; i += 3) sim.cancel(handles[i]!);
    sim.run();
    expect(times.length).toBe(5000 - 1667);
    expect(times.every((t, i) => i === 0 || times[i - 1]! <= t)).toBe(true);
  });

  it("fires in (time, priority, scheduling order) whether events wait in a far bucket or in the near heap", () => {
    // Events far ahead wait in per-bucket lists (a width of 0.004 puts some beyond the ring of near
    // buckets) and join the heap later; the order must be that of one
    // sorted list, handlers scheduling more events and cancels included.
    const script = fc.array(fc.record({ at: fc.integer({ min: 0, max: 40 }), frac: fc.constantFrom(0, 0.25, 0.5, 0.999), priority: fc.integer({ min: -2, max: 2 }), child: fc.integer({ min: -1, max: 30 }), cancel: fc.boolean() }), { maxLength: 60 });
    type Spec = { at: number; frac: number; priority: number; child: number; cancel: boolean };
    const reference = (specs: readonly Spec[]): string[] => {
      const pending: { t: number; p: number; seq: number; name: string; child: number }[] = [];
      let seq = 0;
      specs.forEach((e, i) => pending.push({ t: e.at + e.frac, p: e.priority, seq: seq++, name: `e${i}`, child: e.child }));
      const live = pending.filter((_, i) => !specs[i]!.cancel), log: string[] = [];
      while (live.length > 0) {
        live.sort((a, b) => a.t - b.t || a.p - b.p || a.seq - b.seq);
        const next = live.shift()!;
        log.push(`${next.name}@${next.t}`);
        if (next.child >= 0) live.push({ t: next.t + next.child / 4, p: 0, seq: seq++, name: `${next.name}'`, child: -1 });
      }
      return log;
    };
    fc.assert(
      fc.property(script, fc.constantFrom(0.004, 0.5, 1, 7), (specs, width) => {
        const sim = new Simulation(0, 64, width), log: string[] = [];
        const fire = (name: string, child: number) => (): void => {
          log.push(`${name}@${sim.now}`);
          if (child >= 0) sim.schedule(child / 4, fire(`${name}'`, -1));
        };
        const handles = specs.map((e, i) => sim.scheduleAt(e.at + e.frac, fire(`e${i}`, e.child), 0, e.priority));
        specs.forEach((e, i) => e.cancel && sim.cancel(handles[i]!));
        sim.run();
        expect(log).toEqual(reference(specs));
      }),
    );
  });

  it("keeps the order when a far-off bucket comes near and gains events while its first ones wait", () => {
    // Bucket 1000 gets a list while far (at the start) and another once near; a later event lands in its ring place.
    const sim = new Simulation();
    const log: number[] = [];
    const at = (t: number, then?: () => void) => sim.scheduleAt(t, () => { log.push(sim.now); then?.(); });
    at(0, () => at(1000.2, () => at(3048.1)));
    at(1000.5);
    at(2000);
    sim.run();
    expect(log).toEqual([0, 1000.2, 1000.5, 2000, 3048.1]);
  });

  it("reschedules an event exactly as cancelling it and scheduling it anew would, wherever it waits", () => {
    // Handlers move other pending events later or earlier, by less than a bucket, across many and past the ring of
    // near buckets; the firing order (ties by scheduling order) must be that of cancel-and-schedule.
    const script = fc.array(fc.record({ at: fc.integer({ min: 0, max: 30 }), frac: fc.constantFrom(0, 0.5), target: fc.nat(40), shift: fc.constantFrom(-3, 0, 0.5, 1, 7, 2048, 2048.5, 5000) }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(script, fc.constantFrom(0.5, 1), (specs, width) => {
        const run = (move: (sim: Simulation, handle: number, time: number, fire: (x: number) => void, payload: number) => number): string[] => {
          const sim = new Simulation(0, 64, width), log: string[] = [], handles: number[] = [], times = specs.map((e) => e.at + e.frac);
          const fire = (i: number): void => {
            log.push(`e${i}@${sim.now}`);
            const j = specs[i]!.target % specs.length, h = handles[j]!;
            if (j === i || !sim.isPending(h)) return;
            times[j] = Math.max(sim.now, times[j]! + specs[i]!.shift);
            handles[j] = move(sim, h, times[j]!, fire, j);
          };
          specs.forEach((_, i) => handles.push(sim.scheduleAt(times[i]!, fire, i)));
          sim.run();
          return log;
        };
        const moved = run((sim, h, t) => sim.reschedule(h, t));
        const anew = run((sim, h, t, fire, j) => {
          sim.cancel(h);
          return sim.scheduleAt(t, fire, j);
        });
        expect(moved).toEqual(anew);
      }),
    );
  });

  it("refuses to reschedule an event that has fired, and into the past", () => {
    const sim = new Simulation();
    const fired = sim.schedule(1, () => {}), later = sim.schedule(5, () => {});
    sim.run(2);
    expect(() => sim.reschedule(fired, 3)).toThrow("cannot cancel event");
    expect(() => sim.reschedule(later, 1)).toThrow("time 1 is in the past (now is 2)");
  });

  it("refuses a bucket width that is not a positive number", () => {
    expect(() => new Simulation(0, 64, 0)).toThrow("bucketWidth must be a positive number (got 0)");
  });
});
