import { useCallback, useEffect, useState } from 'react';

export type Section = 'partnership' | 'registry' | 'meetings' | 'backup' | 'audit';
/** The tabs of one meeting, by the stage of its life they serve. */
export type MeetingTab =
  | 'prepare'
  | 'timeline'
  | 'mail'
  | 'entry'
  | 'scans'
  | 'session'
  | 'gosuslugi'
  | 'reconcile'
  | 'results'
  | 'protocol';

export interface Route {
  section: Section;
  /** Only in the `meetings` section: the open meeting and its tab. */
  meetingId?: string;
  tab?: MeetingTab;
}

const SECTIONS: readonly Section[] = ['partnership', 'registry', 'meetings', 'backup', 'audit'];
export const MEETING_TABS: readonly MeetingTab[] = [
  'prepare',
  'timeline',
  'mail',
  'entry',
  'scans',
  'session',
  'gosuslugi',
  'reconcile',
  'results',
  'protocol',
];

/** `#/registry`, `#/meetings`, `#/meetings/<id>/<tab>`; anything else is no route. */
export function parseRoute(hash: string): Route | null {
  const [section, meetingId, tab] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (!section || !(SECTIONS as readonly string[]).includes(section)) return null;
  if (section !== 'meetings' || !meetingId) return { section: section as Section };
  const known = (MEETING_TABS as readonly string[]).includes(tab ?? '');
  return { section: 'meetings', meetingId, tab: known ? (tab as MeetingTab) : 'prepare' };
}

export function routeHash(r: Route): string {
  if (r.section === 'meetings' && r.meetingId)
    return `#/meetings/${encodeURIComponent(r.meetingId)}/${r.tab ?? 'prepare'}`;
  return `#/${r.section}`;
}

/** The current screen, kept in the URL hash so a reload stays on it. */
export function useHashRoute(): [Route | null, (r: Route | Section) => void] {
  const [route, setRoute] = useState<Route | null>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((to: Route | Section) => {
    const r = typeof to === 'string' ? { section: to } : to;
    window.location.hash = routeHash(r).slice(1);
    setRoute(r);
  }, []);
  return [route, go];
}
