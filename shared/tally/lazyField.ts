/**
 * A field built when first read (then an ordinary data field, cached, writable): most callers of the
 * tally (the live count after each saved ballot) never read the per-ballot and per-person outcomes.
 * Enumerable, so spreading, JSON and structured cloning see it as plain data.
 */
export function lazyField<T extends object, K extends keyof T>(obj: T, key: K, make: () => T[K]): void {
  const settle = (value: T[K]): void => {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get(): T[K] {
      const value = make();
      settle(value);
      return value;
    },
    set: settle,
  });
}
