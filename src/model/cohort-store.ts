/**
 * Cohort cases awaiting the decision at birth, as parallel typed arrays indexed by id. Every
 * draw a case needs is taken at referral and kept here, so both arms of an appraisal decide
 * each case from the same numbers whether or not its area is live. Ids are reused.
 */
export class CohortStore {
  area = new Uint16Array(256);
  /** 1 when the case was taken on by Cafcass Plus. */
  plus = new Uint8Array(256);
  /** The diversion uniform: diverted iff u < baseline (+ uplift for a Plus case). */
  u = new Float64Array(256);
  /** Proceedings duration in days before any Plus reduction or court slowdown. */
  durationDays = new Float64Array(256);
  /** Uniforms for the expert-report count and for a foster placement. */
  uFoster = new Float64Array(256);
  private free: number[] = [];
  private next = 0;

  /** Stores a case and returns its id. */
  create(area: number, plus: boolean, u: number, durationDays: number, uFoster: number): number {
    const id = this.free.length > 0 ? this.free.pop()! : this.next++;
    if (id >= this.area.length) this.grow();
    this.area[id] = area; this.plus[id] = plus ? 1 : 0; this.u[id] = u;
    this.durationDays[id] = durationDays; this.uFoster[id] = uFoster;
    return id;
  }

  /** Frees a decided case's id. */
  release(id: number): void {
    this.free.push(id);
  }

  private grow(): void {
    const n = this.area.length * 2;
    const grown = <T extends Uint8Array | Uint16Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.area = grown(this.area); this.plus = grown(this.plus); this.u = grown(this.u);
    this.durationDays = grown(this.durationDays); this.uFoster = grown(this.uFoster);
  }
}
