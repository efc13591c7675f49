import { useCallback, useEffect, useState } from 'react';

export type Route = 'partnership' | 'registry';
const ROUTES: readonly Route[] = ['partnership', 'registry'];

function parse(hash: string): Route | null {
  const name = hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : null;
}

/** The current screen, kept in the URL hash (`#/registry`) so a reload stays on it. */
export function useHashRoute(): [Route | null, (r: Route) => void] {
  const [route, setRoute] = useState<Route | null>(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((r: Route) => {
    window.location.hash = `/${r}`;
    setRoute(r);
  }, []);
  return [route, go];
}
