import v8 from 'node:v8';

/**
 * How far V8 lets the old generation grow past what was live after its last full collection
 * before it collects again: 1.5× here. V8's own factor (up to 4×, the less the collections cost)
 * let a 10,000-reply download leave ~190 MB of garbage behind before collecting it, so the
 * server's resident memory grew with the number of replies although its live heap did not
 * (bench/BENCHMARKS.md, Analysis). The extra full collections cost a few milliseconds each.
 * V8 reads the factor at every collection, so setting it at start-up takes effect.
 */
export const HEAP_GROWING_PERCENT = 50;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
