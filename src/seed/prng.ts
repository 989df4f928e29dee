/**
 * The seed's only source of chance: mulberry32, a tiny 32-bit PRNG whose
 * sequence depends on the seed alone, so the same seed gives the same demo on
 * every machine and every run. Never Math.random.
 */
import { createHash } from "node:crypto";

export class Rng {
  private state: number;

  constructor(seed: number) {
    // Spread small seeds (1, 2, 3 ...) apart before the first draw.
    this.state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0x2545f491) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of `items`, each as likely as its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** A child generator for one sub-stream (one case), so cases do not shift when another changes. */
  fork(label: number): Rng {
    return new Rng((Math.imul(this.int(0, 0x7fffffff), 31) ^ label) >>> 0);
  }
}

/** Seed for case `index` of a run: each case its own stream, independent of the others. */
export function caseSeed(seed: number, index: number): number {
  return (Math.imul(seed >>> 0, 0x27d4eb2d) ^ Math.imul(index + 1, 0x165667b1)) >>> 0;
}

/**
 * A UUID that is a pure function of its label: SHA-256 of the label, shaped as
 * a version-4 UUID (version nibble 4, RFC 4122 variant) so every validator
 * accepts it, and reruns give the same ids.
 */
export function stableUuid(label: string): string {
  const h = createHash("sha256").update(`immos-seed:${label}`).digest("hex");
  const variant = ((Number.parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  const tail = `${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${tail}`;
}
