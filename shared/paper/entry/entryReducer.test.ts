import { describe, expect, it } from 'vitest';
import type { Ballot, Mark } from '../../domain/types';
import { encodeBallotQr } from '../../documents/qrPayload';
import type { KnownBallot } from './entryContext';
import { entryReducer, initialEntryState } from './entryReducer';
import {
  ctx,
  defaults,
  gardenerIndex,
  member,
  memberIndex,
  MEETING_ID,
  press,
  registry,
  TEN_FOR,
  typed,
} from './entry.testkit';
import { KEYMAP } from './keymap';
import { keysForBallot } from './typeBallot';

// The standard Russian layout and the US keys at the same places (as in qrPayload.ts).
const RU = 'йцукенгшщзхъфывапролджэячсмитьбюёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ"№;:?/.,';
const US = 'qwertyuiop[]asdfghjkl;\'zxcvbnm,.`QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>~@#$^&|/?';
const toRussianLayout = (s: string) => [...s].map((c) => RU[US.indexOf(c)] ?? c).join('');

describe('finding the voter', () => {
  it('by plot number and Enter', () => {
    let s = typed(initialEntryState(ctx()), '12');
    expect(s.hits[0]).toMatchObject({ index: memberIndex, by: 'plot', plotNumber: '12' });
    s = press(s, 'Enter');
    expect(s.phase).toBe('ballot');
    expect(s.personIndex).toBe(memberIndex);
    expect(s.voterNote).toBe(
      `${member.fullName}, уч. ${member.holdings.map((h) => h.plotNumber).join(', ')}, член`,
    );
    expect(s.enterable).toHaveLength(10);
  });

  it('by name with arrows, and Esc clears the search', () => {
    const target = registry[7]!;
    const surname = target.fullName.split(' ')[0]!;
    let s = typed(initialEntryState(ctx()), surname);
    const at = s.hits.findIndex((h) => h.index === 7);
    expect(at).toBeGreaterThanOrEqual(0);
    s = press(s, ...Array.from({ length: at }, () => 'ArrowDown'));
    expect(s.hit).toBe(at);
    expect(press(s, 'Escape').query).toBe('');
    expect(press(s, 'Enter').personIndex).toBe(7);
  });

  it('by a QR code typed by a USB scanner, in the Latin and in the Russian layout', () => {
    const code = encodeBallotQr({ meetingId: MEETING_ID, personId: member.id, page: 1, pages: 2 });
    const latin = typed(initialEntryState(ctx()), code);
    expect(latin.qr).toBe(true);
    expect(latin.hits).toEqual([]);
    expect(press(latin, 'Enter').personIndex).toBe(memberIndex);
    const russian = typed(initialEntryState(ctx()), toRussianLayout(code));
    expect(russian.query.startsWith('ПЩДЩЫ1')).toBe(true);
    expect(press(russian, 'Enter').personIndex).toBe(memberIndex);
  });

  it('refuses a QR code of another meeting, and asks to search for a blank ballot', () => {
    const other = press(
      typed(
        initialEntryState(ctx()),
        encodeBallotQr({ meetingId: 'm-2025', personId: member.id, page: 1, pages: 1 }),
      ),
      'Enter',
    );
    expect(other.phase).toBe('voter');
    expect(other.message).toEqual({
      level: 'error',
      text: 'Этот бюллетень другого собрания (QR-код не совпадает с текущим собранием).',
    });
    const blank = press(
      typed(
        initialEntryState(ctx()),
        encodeBallotQr({ meetingId: MEETING_ID, personId: null, page: 1, pages: 1 }),
      ),
      'Enter',
    );
    expect(blank.message?.text).toBe(
      'Бланк без участника: найдите участника по номеру участка, ФИО или СНИЛС.',
    );
  });

  it('says so when nobody is found', () => {
    const s = press(typed(initialEntryState(ctx()), '09999'), 'Enter');
    expect(s.phase).toBe('voter');
    expect(s.message?.text).toBe('«09999»: никто не найден — проверьте номер участка, ФИО или СНИЛС.');
  });
});

describe('a plot number that can only mean one person opens the ballot without Enter', () => {
  // In this registry plot 142 is person 125's alone and no plot begins with «142»; «12» begins 120–129,
  // 109 has two owners, «37» begins only «37а».
  const sole = registry.findIndex((p) => p.holdings.some((h) => h.plotNumber === '142'));
  const holder = registry[sole]!;

  it('opens on the last digit, and the last mark saves: 3 digits + 10 marks = 13 keys for 10 questions', () => {
    let s = typed(initialEntryState(ctx()), '14');
    expect(s.phase).toBe('voter');
    s = press(s, '2');
    expect(s.phase).toBe('ballot');
    expect(s.personIndex).toBe(sole);
    const keys = ['1', '4', '2', ...TEN_FOR];
    s = press(initialEntryState(ctx()), ...keys);
    expect(keys).toHaveLength(13);
    expect(s.phase).toBe('voter');
    expect(s.outbox.map((o) => o.ballot.voter.personId)).toEqual([holder.id]);
    expect(s.outbox[0]!.ballot.marks).toEqual(Object.fromEntries(TEN_FOR.map((_, i) => [i + 1, 'for'])));
  });

  it('not when another plot begins with the digits, nor for a plot of two persons, nor for a name', () => {
    expect(typed(initialEntryState(ctx()), '12').phase).toBe('voter');
    expect(typed(initialEntryState(ctx()), '109').phase).toBe('voter');
    expect(typed(initialEntryState(ctx()), '37').phase).toBe('voter');
    const s = typed(initialEntryState(ctx()), '37а');
    expect(s.phase).toBe('ballot');
    expect(registry[s.personIndex]!.holdings.map((h) => h.plotNumber)).toContain('37а');
    const surname = holder.fullName.split(' ')[0]!;
    expect(typed(initialEntryState(ctx()), surname).phase).toBe('voter');
  });

  it('a СНИЛС typed after a space never opens a ballot by its first digits', () => {
    const withSnils = registry.find((p) => p.snils)!;
    const s = typed(initialEntryState(ctx()), ` ${withSnils.snils!}`);
    expect(s.phase).toBe('voter');
    expect(press(s, 'Enter').personIndex).toBe(registry.indexOf(withSnils));
  });

  it('a space, a dash or Backspace right after the opening goes back to the search', () => {
    const opened = typed(initialEntryState(ctx()), '142');
    const space = press(opened, ' ');
    expect(space.phase).toBe('voter');
    expect(space.query).toBe('142 ');
    // «142 Фамилия»: the name is checked against the plot, as before.
    const surname = holder.fullName.split(' ')[0]!;
    expect(press(typed(space, surname), 'Enter').personIndex).toBe(sole);
    expect(press(opened, '-').query).toBe('142-');
    // A digit that is no mark: the number was the start of something longer (a СНИЛС).
    expect(press(opened, '7')).toMatchObject({ phase: 'voter', query: '1427' });
    const back = press(opened, 'Backspace');
    expect(back.phase).toBe('voter');
    expect(back.query).toBe('14');
    // After a mark they are ballot keys again.
    const marked = press(opened, '1', 'Backspace');
    expect(marked.phase).toBe('ballot');
    expect(marked.marks[0]).toBeNull();
  });

  it('Backspace on the empty search loads the ballot saved last; Enter saves the correction with its reason', () => {
    let s = press(initialEntryState(ctx()), '1', '4', '2', ...TEN_FOR);
    expect(s.outbox).toHaveLength(1);
    const id = s.outbox[0]!.ballot.id;
    s = press(s, 'Backspace');
    expect(s.phase).toBe('ballot');
    expect(s.correcting).toBe(true);
    expect(s.marks).toEqual(TEN_FOR.map(() => 'for'));
    // A correction is never saved by a mark: only by Enter.
    s = press(s, 'End', 'ArrowUp', '2');
    expect(s.outbox).toHaveLength(1);
    expect(s.message?.text).toBe(
      'Все вопросы введены, бюллетень не сохранён сам: исправление сохраняется по Enter.',
    );
    s = press(s, 'Enter');
    expect(s.outbox[1]).toMatchObject({
      correction: true,
      recordId: id,
      reason: 'исправление сразу после ввода (Backspace)',
      ballot: { id, marks: { 10: 'against' } },
    });
    // Backspace again loads the corrected ballot, not the first version.
    expect(press(s, 'Backspace').marks[9]).toBe('against');
    // Backspace on a search being typed only erases.
    expect(press(typed(s, '1'), 'Backspace')).toMatchObject({ phase: 'voter', query: '' });
  });

  it('the keys a replay counts: the digits, the marks, and Enter only where the last mark did not save', () => {
    const c = ctx();
    const b = {
      personIndex: sole,
      marks: { 1: 'for', 2: 'against' } as Record<number, Mark>,
      findBy: 'plot' as const,
    };
    const keys = keysForBallot(c, b).map((k) => k.key.key);
    // 10 questions: 2 keyed, the other 8 «0 2» (nothing marked).
    expect(keys).toEqual(['1', '4', '2', '1', '2', ...Array.from({ length: 8 }, () => ['0', '2']).flat()]);
    const late = ctx([], 'first', { defaults: { ...defaults, receivedAt: '2026-06-20' } });
    expect(
      keysForBallot(late, b)
        .map((k) => k.key.key)
        .at(-1),
    ).toBe('Enter');
  });
});

describe('keying a ballot', () => {
  const open = (c = ctx()) => press(typed(initialEntryState(c), '12'), 'Enter');

  it('1/2/3 mark the current question and move on; the last mark saves and starts the next ballot', () => {
    let s = press(open(), '1', '2', '3');
    expect(s.marks.slice(0, 4)).toEqual(['for', 'against', 'abstain', null]);
    expect(s.cursor).toBe(3);
    s = press(s, '1', '1', '1', '1', '2', '2');
    expect(s.cursor).toBe(9);
    expect(s.outbox).toEqual([]);
    s = press(s, '3');
    expect(s.phase).toBe('voter');
    expect(s.outbox).toHaveLength(1);
    const saved = s.outbox[0]!;
    expect(saved).toMatchObject({ seq: 1, correction: false });
    expect(saved.ballot).toEqual({
      id: 'op1-1',
      channel: 'paper',
      voter: { personId: member.id, snils: member.snils, plotNumber: '12', fullName: member.fullName },
      copy: 'original',
      receivedAt: '2026-06-10',
      delivery: 'hand',
      voidReasons: [],
      marks: {
        1: 'for',
        2: 'against',
        3: 'abstain',
        4: 'for',
        5: 'for',
        6: 'for',
        7: 'for',
        8: 'against',
        9: 'against',
        10: 'abstain',
      },
      source: 'ввод с клавиатуры',
    });
    expect(s.message?.text).toBe(`Сохранён бюллетень: ${member.fullName}. Исправить его — Backspace.`);
    expect(press(s, { type: 'ack', seq: 1 }).outbox).toEqual([]);
  });

  it('0 then 1/2/3 gives several / none / all crossed out; Esc or another key cancels the 0', () => {
    let s = press(open(), '0');
    expect(s.pendingInvalid).toBe(true);
    s = press(s, '1', '0', '2', '0', '3');
    expect(s.marks.slice(0, 3)).toEqual(['several', 'none', 'all_crossed']);
    s = press(s, '0', 'Escape');
    expect(s.pendingInvalid).toBe(false);
    expect(s.cursor).toBe(3);
    expect(s.marks[3]).toBeNull();
    s = press(s, '0', '7');
    expect(s.pendingInvalid).toBe(false);
    expect(s.marks[3]).toBeNull();
    expect(s.message?.level).toBe('warning');
    s = press(s, '0', 'ArrowDown');
    expect(s.cursor).toBe(3);
  });

  it('arrows, Tab and Shift+Tab move; a mark overwrites; Backspace and Delete erase', () => {
    let s = press(open(), '1', '1', '1');
    s = press(s, 'ArrowUp', { key: 'Tab', shiftKey: true });
    expect(s.cursor).toBe(1);
    s = press(s, '2');
    expect(s.marks.slice(0, 3)).toEqual(['for', 'against', 'for']);
    expect(s.cursor).toBe(2);
    s = press(s, 'Tab', 'ArrowRight');
    expect(s.cursor).toBe(4);
    // On an empty question Backspace steps back and erases the previous mark.
    s = press(s, 'ArrowLeft', 'Backspace');
    expect(s.cursor).toBe(2);
    expect(s.marks.slice(0, 4)).toEqual(['for', 'against', null, null]);
    s = press(s, 'Backspace');
    expect(s.cursor).toBe(1);
    expect(s.marks.slice(0, 4)).toEqual(['for', null, null, null]);
    // On a keyed question Backspace erases it and stays.
    s = press(s, '3', 'ArrowUp', 'Backspace');
    expect(s.cursor).toBe(1);
    expect(s.marks.slice(0, 2)).toEqual(['for', null]);
    s = press(s, 'Home', 'Delete');
    expect(s.marks[0]).toBeNull();
    expect(s.cursor).toBe(0);
    s = press(s, 'End');
    expect(s.cursor).toBe(10);
    expect(press(s, '1').message?.text).toBe(
      'Все вопросы введены: Enter — сохранить, ↑ — вернуться к вопросу.',
    );
  });

  it('Enter with questions not keyed names them and moves to the first; nothing is saved', () => {
    const s = press(open(), '1', '1', 'ArrowDown', '1', 'End', 'Enter');
    expect(s.phase).toBe('ballot');
    expect(s.outbox).toEqual([]);
    expect(s.cursor).toBe(2);
    expect(s.message).toEqual({
      level: 'error',
      text: 'Не введены вопросы №3, №5, №6, №7, №8, №9, №10: введите отметку (если ничего не отмечено — «0», затем «2»).',
    });
  });

  it('whole-ballot problems are one key each, in either layout and case; such a ballot saves without marks', () => {
    let s = press(open(), 'П', 'r', 'И', 'д', 'H');
    expect(s.voidReasons).toEqual([
      'no_signature',
      'no_details',
      'pencil',
      'corrections',
      'no_power_of_attorney',
    ]);
    s = press(s, 'g', 'К', 'b', 'L', 'р');
    expect(s.voidReasons).toEqual([]);
    s = press(s, 'п', '1', 'Enter');
    expect(s.outbox[0]!.ballot.voidReasons).toEqual(['no_signature']);
    expect(s.outbox[0]!.ballot.marks[1]).toBe('for');
    expect(s.outbox[0]!.ballot.marks[2]).toBe('none');
  });

  it('an unused key is refused with a hint; Ctrl/Alt chords and modifier keys do nothing', () => {
    const s = open();
    expect(press(s, '7').message?.text).toBe(
      'Клавиша «7» не используется: 1 — за, 2 — против, 3 — воздержался, 0 — недействителен.',
    );
    expect(press(s, { key: '1', ctrlKey: true })).toBe(s);
    expect(press(s, 'Shift')).toBe(s);
  });

  it('Esc on a started ballot asks again, the second Esc drops it', () => {
    let s = press(open(), '1', 'Escape');
    expect(s.phase).toBe('ballot');
    expect(s.confirmDiscard).toBe(true);
    s = press(s, 'Escape');
    expect(s.phase).toBe('voter');
    expect(s.outbox).toEqual([]);
    expect(press(open(), 'Escape').phase).toBe('voter');
  });

  it("skips a gardener's members-only questions", () => {
    const g = registry[gardenerIndex]!;
    let s = press(typed(initialEntryState(ctx()), g.holdings[0]!.plotNumber), 'Enter');
    expect(s.personIndex).toBe(gardenerIndex);
    expect(s.enterable).toEqual([3, 4]);
    expect(s.voterNote).toContain(
      'садовод без членства: голосует только по вопросам № 4, 5 (остальные пропускаются)',
    );
    s = press(s, '1', '2', 'Enter');
    expect(s.outbox[0]!.ballot.marks).toEqual({ 4: 'for', 5: 'against' });
  });
});

describe('other ballots of the same person', () => {
  const stored = (b: Partial<Ballot>, k: Partial<KnownBallot> = {}): KnownBallot => {
    const ballot: Ballot = {
      id: 'stored-1',
      channel: 'paper',
      voter: { snils: member.snils! },
      copy: 'original',
      receivedAt: '2026-06-05',
      delivery: 'mail',
      voidReasons: [],
      marks: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i + 1, 'for' as Mark])),
      source: 's',
      ...b,
    };
    return { ballot, recordId: ballot.id, marksEntered: true, by: 'Иванова', awaitingSecond: false, ...k };
  };
  const pick = (c: ReturnType<typeof ctx>) => press(typed(initialEntryState(c), '12'), 'Enter');

  it('warns at once about a second ballot of the same person, stored or saved in this session', () => {
    const s = pick(ctx([stored({ channel: 'in_person', delivery: 'session', receivedAt: '2026-06-14' })]));
    expect(s.duplicateOf).toMatchObject([{ ballotId: 'stored-1', channel: 'in_person', by: 'Иванова' }]);
    expect(s.message).toEqual({
      level: 'warning',
      text: 'Уже голосовал: очно, 14.06 (ввод: Иванова). Этот бюллетень — второй; сохранить его — Enter дважды.',
    });
    let session = press(pick(ctx()), ...TEN_FOR, 'Enter');
    expect(session.duplicateOf).toEqual([]);
    session = press(session, '1', '2', 'Enter');
    expect(session.duplicateOf.map((d) => d.ballotId)).toEqual(['op1-1']);
    // Saving the second ballot takes a second Enter.
    session = press(session, ...TEN_FOR, 'Enter');
    expect(session.outbox).toHaveLength(1);
    expect(session.confirmSave).toBe(true);
    expect(session.message?.text).toMatch(
      /уже голосовал\(а\): бумажный бюллетень, 10\.06\. Нажмите Enter ещё раз/,
    );
    session = press(session, 'Enter');
    expect(session.outbox).toHaveLength(2);
    expect(session.message?.text).toMatch(/Это второй бюллетень участника\. Исправить его — Backspace\.$/);
  });

  it('shows the scan of the original being keyed, and the questions where they differ', () => {
    const scan = stored({ id: 'scan-1', copy: 'scan', delivery: 'email', receivedAt: '2026-06-02' });
    let s = pick(ctx([scan]));
    expect(s.duplicateOf).toEqual([]);
    expect(s.scan?.id).toBe('scan-1');
    s = press(s, '1', '2', '1', '3');
    expect(s.scanDiffers).toEqual([2, 4]);
  });

  it('keys the marks of an arrival logged in the mail log into its record', () => {
    const logged = stored(
      { id: 'rec-7', marks: {}, trackingNumber: '80081234567890' },
      { marksEntered: false },
    );
    let s = pick(ctx([logged]));
    expect(s.recordId).toBe('rec-7');
    expect(s.duplicateOf).toEqual([]);
    expect(s.message?.text).toBe('Поступление из журнала: бумажный бюллетень, оригинал, получен 05.06.2026.');
    s = press(s, ...TEN_FOR, 'Enter');
    expect(s.outbox[0]).toMatchObject({
      recordId: 'rec-7',
      ballot: { id: 'rec-7', receivedAt: '2026-06-05', delivery: 'mail', trackingNumber: '80081234567890' },
    });
    // The next ballot starts from the session's defaults again.
    expect(s.fields).toEqual(defaults);
  });

  it('the blind second entry goes to the first entry’s record and shows neither its marks nor a warning', () => {
    const first = stored({ id: 'rec-1' }, { awaitingSecond: true });
    const scan = stored({ id: 'scan-1', copy: 'scan', delivery: 'email' });
    const s = pick(ctx([first, scan], 'second'));
    expect(s.recordId).toBe('rec-1');
    expect(s.duplicateOf).toEqual([]);
    expect(s.scan).toBeUndefined();
    expect(s.marks.every((m) => m === null)).toBe(true);
  });

  it('the second entry by the member who made the first is refused at once, before any mark is keyed', () => {
    const first = stored({ id: 'rec-1' }, { awaitingSecond: true, by: 'Иванова' });
    const s = pick(ctx([first], 'second', { operator: ' иванова ' }));
    expect(s.phase).toBe('voter');
    expect(s.query).toBe('');
    expect(s.message).toEqual({
      level: 'error',
      text: `Повторный ввод бюллетеня (${member.fullName}, участок 12) не принят: первый ввод сделал(а) Иванова, а повторный должен делать другой член комиссии. Передайте ввод другому члену комиссии и укажите его в поле «Кто вводит».`,
    });
    // Another member at the desk gets the record.
    expect(pick(ctx([first], 'second', { operator: 'Петров' })).recordId).toBe('rec-1');
  });
});

describe('the app acknowledges what it stored', () => {
  it('a refused save replaces «Сохранён бюллетень» with the one reason it was refused', () => {
    const s = press(typed(initialEntryState(ctx()), '12'), 'Enter', ...TEN_FOR);
    expect(s.message?.text).toMatch(/^Сохранён бюллетень/);
    const seq = s.outbox[0]!.seq;
    expect(entryReducer(s, { type: 'ack', seq })).toMatchObject({ outbox: [], message: s.message });
    const refused = entryReducer(s, { type: 'ack', seq, failed: 'Бюллетень не сохранён: причина.' });
    expect(refused.outbox).toEqual([]);
    expect(refused.message).toEqual({ level: 'error', text: 'Бюллетень не сохранён: причина.' });
  });
});

describe('a QR code scanned while a ballot is open', () => {
  const open = () => press(typed(initialEntryState(ctx()), '12'), 'Enter', '1', '2', 'п');

  it('is read apart from the marks: the keys it started with are undone', () => {
    const before = open();
    const sameSheet = encodeBallotQr({ meetingId: MEETING_ID, personId: member.id, page: 2, pages: 2 });
    let s = typed(before, sameSheet);
    expect(s.qrCapture).toBe(sameSheet);
    expect(s.marks).toEqual(before.marks);
    expect(s.voidReasons).toEqual(['no_signature']);
    s = press(s, 'Enter');
    expect(s.phase).toBe('ballot');
    expect(s.outbox).toEqual([]);
    expect(s.message?.text).toBe('Другой лист бюллетеня того же участника: продолжайте ввод.');
    expect(s.marks).toEqual(before.marks);
  });

  it('of another person: the open ballot is kept and the operator is told to save it first', () => {
    const other = registry.find((p, i) => i !== memberIndex)!;
    const s = press(
      typed(
        open(),
        toRussianLayout(encodeBallotQr({ meetingId: MEETING_ID, personId: other.id, page: 1, pages: 1 })),
      ),
      'Enter',
    );
    expect(s.personIndex).toBe(memberIndex);
    expect(s.marks.slice(0, 3)).toEqual(['for', 'against', null]);
    expect(s.message?.text).toBe(
      `Бюллетень участника ${member.fullName} ещё не сохранён: нажмите Enter, чтобы сохранить его, затем отсканируйте QR-код следующего бюллетеня снова.`,
    );
  });

  it('a real П followed by a mark is not mistaken for a scanner', () => {
    const s = press(open(), 'П', '1');
    expect(s.voidReasons).toEqual([]);
    expect(s.marks[2]).toBe('for');
  });
});

describe('correcting a stored ballot', () => {
  it('loads the ballot, and saving gives the same id marked as a correction', () => {
    const c = ctx();
    const ballot: Ballot = {
      id: 'rec-5',
      channel: 'in_person',
      voter: { personId: member.id },
      copy: 'original',
      receivedAt: '2026-06-14',
      delivery: 'session',
      voidReasons: ['pencil'],
      marks: { 1: 'for', 2: 'several' },
      source: 'x',
    };
    let s = entryReducer(initialEntryState(c), { type: 'edit', ballot });
    expect(s.phase).toBe('ballot');
    expect(s.marks.slice(0, 3)).toEqual(['for', 'several', 'none']);
    s = press(s, 'К', 'ArrowDown', '2', 'Enter');
    expect(s.outbox[0]).toMatchObject({
      correction: true,
      recordId: 'rec-5',
      ballot: {
        id: 'rec-5',
        channel: 'in_person',
        voidReasons: [],
        marks: { 1: 'for', 2: 'against', 3: 'none' },
      },
    });
  });
});

describe('KEYMAP', () => {
  it('has a Russian text for every key and no key bound twice in one phase', () => {
    const seen = new Set<string>();
    for (const b of KEYMAP) {
      expect(b.text).toMatch(/[а-яё]/i);
      for (const k of b.keys) {
        expect(seen.has(`${b.phase}:${k}`)).toBe(false);
        seen.add(`${b.phase}:${k}`);
      }
    }
  });
});
