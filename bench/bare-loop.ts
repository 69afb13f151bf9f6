/**
 * The practical limit of a JavaScript event loop, for the benchmark's ratio: an FCFS M/M/c
 * queue with a typed-array binary heap, handlers inlined in a switch, a ring buffer for the
 * waiting line, and the same Alea generator the kernel's streams use. No cancellation, no
 * priorities, no monitors beyond the sum of waits.
 */
import seedrandom from "seedrandom";

const ARRIVAL = 0, DEPARTURE = 1;

/** Runs the queue to `horizon` and returns the number of model events (arrivals + departures). */
export function bareLoopMmc(arrivalRate: number, serviceRate: number, servers: number, horizon: number, seed: number): { events: number; meanWait: number } {
  const rng = seedrandom.alea(`bare/${seed}`);
  let cap = 1024;
  let times = new Float64Array(cap), kinds = new Uint8Array(cap);
  let size = 0;
  const push = (t: number, kind: number): void => {
    if (size === cap) {
      cap *= 2;
      const nt = new Float64Array(cap), nk = new Uint8Array(cap);
      nt.set(times); nk.set(kinds); times = nt; kinds = nk;
    }
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p]! <= t) break;
      times[i] = times[p]!; kinds[i] = kinds[p]!; i = p;
    }
    times[i] = t; kinds[i] = kind;
  };
  let ringCap = 1024, ring = new Float64Array(ringCap), head = 0, count = 0;
  let busy = 0, events = 0, waitSum = 0, served = 0;
  push(-Math.log(1 - rng()) / arrivalRate, ARRIVAL);
  while (size > 0) {
    const now = times[0]!, kind = kinds[0]!;
    if (now > horizon) break;
    // pop
    const n = --size, lt = times[n]!, lk = kinds[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && times[c + 1]! < times[c]!) c++;
      if (lt <= times[c]!) break;
      times[i] = times[c]!; kinds[i] = kinds[c]!; i = c;
    }
    times[i] = lt; kinds[i] = lk;
    events++;
    if (kind === ARRIVAL) {
      push(now - Math.log(1 - rng()) / arrivalRate, ARRIVAL);
      if (busy < servers) {
        busy++; served++;
        push(now - Math.log(1 - rng()) / serviceRate, DEPARTURE);
      } else {
        if (count === ringCap) {
          const bigger = new Float64Array(ringCap * 2);
          for (let k = 0; k < count; k++) bigger[k] = ring[(head + k) % ringCap]!;
          ring = bigger; head = 0; ringCap *= 2;
        }
        ring[(head + count++) % ringCap] = now;
      }
    } else if (count > 0) {
      waitSum += now - ring[head]!;
      head = (head + 1) % ringCap; count--; served++;
      push(now - Math.log(1 - rng()) / serviceRate, DEPARTURE);
    } else {
      busy--;
    }
  }
  return { events, meanWait: waitSum / served };
}
