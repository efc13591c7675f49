import { encodeBallotQr, parseBallotQr } from './qrPayload';

describe('ballot QR payload', () => {
  it('encodes the documented format', () => {
    expect(encodeBallotQr({ meetingId: '0f8a2c', personId: 'p-0042', page: 2, pages: 3 })).toBe(
      'GOLOS1|0f8a2c|p-0042|2/3',
    );
    expect(encodeBallotQr({ meetingId: 'm-2025', personId: null, page: 1, pages: 2 })).toBe(
      'GOLOS1|m-2025||1/2',
    );
  });

  it('round-trips ids with separators, spaces and Cyrillic, keeping the code ASCII', () => {
    const qr = { meetingId: 'собрание|2025/1', personId: 'p 7%/|', page: 1, pages: 1 };
    const text = encodeBallotQr(qr);
    expect(text).toMatch(/^[\x20-\x7e]+$/);
    expect(text.split('|')).toHaveLength(4);
    expect(parseBallotQr(text)).toEqual({ ok: true, value: qr });
  });

  it('reads a blank ballot with no person', () => {
    expect(parseBallotQr('GOLOS1|m-1||1/1')).toEqual({
      ok: true,
      value: { meetingId: 'm-1', personId: null, page: 1, pages: 1 },
    });
  });

  it('reads what a scanner types in the Russian keyboard layout, and surrounding whitespace', () => {
    // `GOLOS1|m-1|p-42|2/3` typed with the ЙЦУКЕН layout active.
    expect(parseBallotQr('  ПЩДЩЫ1/ь-1/з-42/2.3\n')).toEqual({
      ok: true,
      value: { meetingId: 'm-1', personId: 'p-42', page: 2, pages: 3 },
    });
    // Percent-encoded ids survive too (upper-case hex typed with Shift).
    const text = encodeBallotQr({ meetingId: 'a|b', personId: 'Ab', page: 1, pages: 1 });
    const ru = text.replace(/[A-Za-z|/]/g, (ch) => RU[ch] ?? ch);
    expect(parseBallotQr(ru)).toEqual({
      ok: true,
      value: { meetingId: 'a|b', personId: 'Ab', page: 1, pages: 1 },
    });
  });

  it('rejects other codes with a Russian message', () => {
    const notOurs = parseBallotQr('https://example.org');
    expect(notOurs.ok).toBe(false);
    if (!notOurs.ok) {
      expect(notOurs.error[0]).toMatchObject({
        code: 'qr_not_ballot',
        field: 'QR-код бюллетеня',
        severity: 'error',
      });
      expect(notOurs.error[0]!.message).toContain('Это не QR-код бюллетеня');
    }
    expect(parseBallotQr('GOLOS2|m|p|1/1').ok).toBe(false);
    expect(parseBallotQr('GOLOS1|m|p').ok).toBe(false);
  });

  it('rejects impossible sheet numbers and broken ids', () => {
    for (const sheet of ['0/2', '3/2', '1-2', 'a/b', '1/', '']) {
      const r = parseBallotQr(`GOLOS1|m|p|${sheet}`);
      expect(r.ok, sheet).toBe(false);
      if (!r.ok) expect(r.error[0]!.code).toBe('qr_bad_sheet');
    }
    const broken = parseBallotQr('GOLOS1|m%E0|p|1/1');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error[0]!.code).toBe('qr_bad_id');
    expect(parseBallotQr('GOLOS1||p|1/1').ok).toBe(false);
  });

  it('refuses to encode a sheet outside 1..pages', () => {
    expect(() => encodeBallotQr({ meetingId: 'm', personId: 'p', page: 0, pages: 1 })).toThrow(RangeError);
    expect(() => encodeBallotQr({ meetingId: 'm', personId: 'p', page: 2, pages: 1 })).toThrow(RangeError);
  });
});

/** US key -> the character the same key types in the Russian layout (for the letters used above). */
const RU: Record<string, string> = {
  G: 'П',
  O: 'Щ',
  L: 'Д',
  S: 'Ы',
  A: 'Ф',
  C: 'С',
  b: 'и',
  a: 'ф',
  m: 'ь',
  p: 'з',
  '|': '/',
  '/': '.',
};
