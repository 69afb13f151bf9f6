/**
 * Closed-form steady-state results for M/M/c queues, the ground truth the kernel is validated
 * against (ports of ../shared/bench/analytic.py). λ = arrival rate, μ = service rate per server.
 */

/** Erlang B blocking probability for c servers and offered load a = λ/μ (stable recursion). */
export function erlangB(servers: number, load: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (load * b) / (k + load * b);
  return b;
}

/** Erlang C: probability an arrival waits, P(Wq > 0), for M/M/c; 1 when unstable. */
export function erlangC(servers: number, load: number): number {
  const rho = load / servers;
  if (rho >= 1) return 1;
  const b = erlangB(servers, load);
  return b / (1 - rho * (1 - b));
}

/** Mean wait in queue for FCFS M/M/c; throws when λ ≥ cμ. */
export function mmcMeanWait(arrivalRate: number, serviceRate: number, servers: number): number {
  requireStable(arrivalRate, serviceRate, servers);
  return erlangC(servers, arrivalRate / serviceRate) / (servers * serviceRate - arrivalRate);
}

/**
 * Per-class mean waits for non-preemptive priority M/M/c with a common service rate
 * (Cobham 1954); class 0 is served first.
 */
export function mmcPriorityMeanWaits(arrivalRates: readonly number[], serviceRate: number, servers: number): number[] {
  const total = arrivalRates.reduce((a, b) => a + b, 0);
  requireStable(total, serviceRate, servers);
  const capacity = servers * serviceRate;
  const w0 = erlangC(servers, total / serviceRate) / capacity;
  let before = 0;
  return arrivalRates.map((rate) => {
    const upTo = before + rate / capacity;
    const wait = w0 / ((1 - before) * (1 - upTo));
    before = upTo;
    return wait;
  });
}

function requireStable(arrivalRate: number, serviceRate: number, servers: number): void {
  if (!(arrivalRate < servers * serviceRate)) {
    throw new RangeError(`unstable queue: λ = ${arrivalRate} ≥ cμ = ${servers * serviceRate}`);
  }
}
