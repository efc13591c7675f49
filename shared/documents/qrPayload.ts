/**
 * What the QR code on a paper ballot says, and reading it back (the paper ballot entry screen gets it
 * from a USB scanner that types it like a keyboard).
 *
 * Format, version 1:
 *
 *     GOLOS1|<meetingId>|<personId>|<page>/<pages>
 *
 * - `GOLOS1`: fixed prefix and format version.
 * - `<meetingId>`, `<personId>`: the record ids, percent-encoded as by `encodeURIComponent`, so an id
 *   never contains `|` or `/` and the code stays ASCII. `<personId>` is empty on a blank
 *   (non-personalized) ballot: `GOLOS1|m-2025||1/2`.
 * - `<page>/<pages>`: the sheet of this voter's ballot and how many sheets it has, 1-based decimals.
 *
 * Example: `GOLOS1|0f8a2c|p-0042|2/3` is sheet 2 of 3 of person `p-0042`'s ballot for meeting `0f8a2c`.
 *
 * A scanner typing while the keyboard is switched to the Russian layout produces `ПЩДЩЫ1/...`;
 * `parseBallotQr` recognises that and maps the keys back to the Latin layout (ЙЦУКЕН -> QWERTY).
 */
import { err, ok, problem, type Result } from '../result';

export const BALLOT_QR_PREFIX = 'GOLOS1';

export interface BallotQr {
  meetingId: string;
  /** `null` on a blank ballot. */
  personId: string | null;
  page: number;
  pages: number;
}

export function encodeBallotQr(qr: BallotQr): string {
  if (!Number.isInteger(qr.page) || !Number.isInteger(qr.pages) || qr.page < 1 || qr.page > qr.pages) {
    throw new RangeError(`Bad ballot sheet ${qr.page}/${qr.pages}`);
  }
  const person = qr.personId === null ? '' : encodeURIComponent(qr.personId);
  return `${BALLOT_QR_PREFIX}|${encodeURIComponent(qr.meetingId)}|${person}|${qr.page}/${qr.pages}`;
}

const FIELD = 'QR-код бюллетеня';

export function parseBallotQr(text: string): Result<BallotQr> {
  const typed = text.trim();
  const latin = typedInRussianLayout(typed) ? fromRussianLayout(typed) : typed;
  const parts = latin.split('|');
  if (parts.length !== 4 || parts[0]?.toUpperCase() !== BALLOT_QR_PREFIX) {
    return fail(
      'qr_not_ballot',
      `Это не QR-код бюллетеня Голоса: ожидалось «${BALLOT_QR_PREFIX}|собрание|участник|лист/листов», прочитано «${shorten(typed)}».`,
    );
  }
  const [, meetingPart = '', personPart = '', sheetPart = ''] = parts;
  const sheet = /^(\d{1,4})\/(\d{1,4})$/.exec(sheetPart);
  const page = Number(sheet?.[1]);
  const pages = Number(sheet?.[2]);
  if (!sheet || page < 1 || page > pages) {
    return fail('qr_bad_sheet', `В QR-коде бюллетеня неверный номер листа «${sheetPart}»: нужен вид «1/2».`);
  }
  const meetingId = decode(meetingPart);
  const personId = personPart === '' ? null : decode(personPart);
  if (!meetingId || personId === undefined) {
    return fail(
      'qr_bad_id',
      `В QR-коде бюллетеня повреждён номер собрания или участника: «${shorten(typed)}».`,
    );
  }
  return ok({ meetingId, personId, page, pages });
}

function fail(code: string, message: string): Result<BallotQr> {
  return err([problem(code, message, { field: FIELD })]);
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

// Keys of the standard Russian layout and what the same keys type in the US layout.
const RU_KEYS = 'йцукенгшщзхъфывапролджэячсмитьбюёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ"№;:?/.,';
const US_KEYS = 'qwertyuiop[]asdfghjkl;\'zxcvbnm,.`QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>~@#$^&|/?';
const RU_TO_US = new Map([...RU_KEYS].map((ch, i) => [ch, US_KEYS[i] ?? ch]));

function typedInRussianLayout(s: string): boolean {
  return /^ПЩДЩЫ1/i.test(s);
}

function fromRussianLayout(s: string): string {
  return [...s].map((ch) => RU_TO_US.get(ch) ?? ch).join('');
}
