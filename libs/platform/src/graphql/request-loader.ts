import DataLoader from 'dataloader';

/**
 * A DataLoader per GraphQL request (keyed by the request object, so it is dropped with it): the
 * items of a list resolve a relation in one query instead of one query each.
 */
export class RequestLoader<K, V> {
  private readonly loaders = new WeakMap<object, DataLoader<K, V>>();

  constructor(private readonly batch: (keys: readonly K[]) => Promise<V[]>) {}

  for(request: object): DataLoader<K, V> {
    let loader = this.loaders.get(request);
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => this.batch(keys));
      this.loaders.set(request, loader);
    }
    return loader;
  }
}

/** Puts rows back in the order of the keys asked for: the one row of each key, or `missing`. */
export function oneByKey<K, R, V = R>(
  keys: readonly K[],
  rows: R[],
  keyOf: (row: R) => K,
  missing: V,
  map: (row: R) => V = (row) => row as unknown as V,
): V[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => {
    const row = byKey.get(key);
    return row === undefined ? missing : map(row);
  });
}

/** Groups rows under the keys asked for (an empty list for a key without rows), keeping row order. */
export function manyByKey<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
