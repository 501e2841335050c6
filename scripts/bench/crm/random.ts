// Deterministic randomness for the generated firm: every value is a pure function of (stream, row,
// draw), so a run seeds the same data as the last one without keeping anything in memory.

/** A 32-bit integer hash with good avalanche (lowbias32, Chris Wellons). */
export function mix32(x: number): number {
  let a = x >>> 0;
  a ^= a >>> 16;
  a = Math.imul(a, 0x7feb352d);
  a ^= a >>> 15;
  a = Math.imul(a, 0x846ca68b);
  a ^= a >>> 16;
  return a >>> 0;
}

/** A 32-bit hash of (stream, row, draw). */
export function hash3(stream: number, row: number, draw: number): number {
  return mix32(mix32(mix32(stream) ^ row) + Math.imul(draw + 1, 0x9e3779b9));
}

/** A number in [0, 1) for (stream, row, draw). */
export function unit(stream: number, row: number, draw: number): number {
  return hash3(stream, row, draw) / 4_294_967_296;
}

/** An integer in [0, n) for (stream, row, draw). */
export function below(n: number, stream: number, row: number, draw: number): number {
  return Math.floor(unit(stream, row, draw) * n);
}

/** Picks one of `items` for (stream, row, draw). */
export function pick<T>(items: readonly T[], stream: number, row: number, draw: number): T {
  return items[below(items.length, stream, row, draw)]!;
}

/** Picks by weights (they need not sum to 1). */
export function weighted<T>(items: readonly (readonly [T, number])[], r: number): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items.at(-1)![0];
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return HEX[(n >>> 24) & 255]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
}

/** A version-4-shaped UUID for (stream, row): random-looking, like gen_random_uuid(), but repeatable. */
export function uuidOf(stream: number, row: number): string {
  const a = hash3(stream, row, 101);
  const b = (hash3(stream, row, 102) & 0xffff0fff) | 0x00004000;
  const c = (hash3(stream, row, 103) & 0x3fffffff) | 0x80000000;
  const d = hash3(stream, row, 104);
  const bh = hex32(b);
  const ch = hex32(c);
  return `${hex32(a)}-${bh.slice(0, 4)}-${bh.slice(4)}-${ch.slice(0, 4)}-${ch.slice(4)}${hex32(d)}`;
}
