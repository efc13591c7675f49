/**
 * Items by key, one as itself and several as a list: a registry's СНИЛС and plots are nearly all held by
 * one person, and a list for each of thousands of keys is memory and time for nothing. `T` is never an array.
 */
export type KeyedLists<T> = Map<string, T | T[]>;

/** The items under `key` (none: an empty list). */
export function listAt<T>(index: KeyedLists<T>, key: string): readonly T[] {
  const found = index.get(key);
  return found === undefined ? [] : Array.isArray(found) ? found : [found];
}

/** `item` added under `key`, after the ones there. */
export function addAt<T>(index: KeyedLists<T>, key: string, item: T): void {
  const found = index.get(key);
  if (found === undefined) index.set(key, item);
  else if (Array.isArray(found)) found.push(item);
  else index.set(key, [found, item]);
}

/** The items under `key` that `drop` picks taken out (the key goes when none is left). */
export function removeAt<T>(index: KeyedLists<T>, key: string, drop: (item: T) => boolean): void {
  const kept = listAt(index, key).filter((x) => !drop(x));
  if (kept.length === 0) index.delete(key);
  else index.set(key, kept.length === 1 ? kept[0]! : kept);
}
