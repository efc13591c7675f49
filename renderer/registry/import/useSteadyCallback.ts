import { useCallback, useRef } from 'react';

/**
 * A callback that stays the same function from render to render and always calls the latest `fn`: the
 * preview's memoised sections are not drawn again because a parent made a new closure.
 */
export function useSteadyCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn);
  ref.current = fn;
  return useCallback((...args: A) => ref.current(...args), []);
}
