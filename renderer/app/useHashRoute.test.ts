import { parseRoute, routeHash } from './useHashRoute';

test('routes round-trip through the hash', () => {
  expect(parseRoute('#/registry')).toEqual({ section: 'registry' });
  expect(parseRoute('#/meetings')).toEqual({ section: 'meetings' });
  expect(parseRoute('#/meetings/a%20b/entry')).toEqual({
    section: 'meetings',
    meetingId: 'a b',
    tab: 'entry',
  });
  expect(parseRoute('#/meetings/m1/nonsense')).toEqual({
    section: 'meetings',
    meetingId: 'm1',
    tab: 'prepare',
  });
  expect(parseRoute('#/elsewhere')).toBeNull();
  expect(parseRoute('')).toBeNull();
  expect(routeHash({ section: 'meetings', meetingId: 'a b', tab: 'results' })).toBe(
    '#/meetings/a%20b/results',
  );
  expect(routeHash({ section: 'audit' })).toBe('#/audit');
});
