import { describe, expect, it } from 'vitest';
import type { Ballot, MeetingSpec } from '../domain/types';
import { meeting, persons } from '../tally/tally.testkit';
import { correctRecord, createRecord, withdrawRecord, type PaperBallotRecord } from './ballotRecord';
import { logArrival, mailLog, type ArrivalInput } from './mailLog';

const registry = persons(6);
const spec: MeetingSpec = meeting([
  { number: 1, text: 'Вопрос 1' },
  { number: 2, text: 'Вопрос 2' },
]);
const at = '2026-06-20T12:00:00+03:00';

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function arrive(over: Partial<ArrivalInput> & Pick<ArrivalInput, 'id' | 'personId'>): PaperBallotRecord {
  return unwrap(
    logArrival(
      {
        copy: 'original',
        delivery: 'mail',
        receivedAt: '2026-06-05',
        trackingNumber: '80081234567890',
        by: 'Секретарь',
        at,
        ...over,
      },
      registry,
    ),
  );
}

function key(r: PaperBallotRecord, marks: Ballot['marks']): PaperBallotRecord {
  return unwrap(correctRecord(r, { ...r.versions[0]!.ballot, marks }, { by: 'Иванова', at }));
}

describe('logArrival', () => {
  it('logs a scan by e-mail and an original by mail or by hand, naming each missing detail', () => {
    const scan = arrive({
      id: 's1',
      personId: 'p1',
      copy: 'scan',
      delivery: 'email',
      attachmentIds: ['file-1'],
    });
    expect(scan.versions[0]).toMatchObject({
      kind: 'logged',
      marksEntered: false,
      attachmentIds: ['file-1'],
    });
    expect(scan.versions[0]!.ballot).toMatchObject({
      channel: 'paper',
      copy: 'scan',
      delivery: 'email',
      voter: { personId: 'p1', snils: '00000000001' },
    });
    const bad = logArrival(
      { id: 'x', personId: 'p1', copy: 'original', delivery: 'mail', receivedAt: '2026-06-31', by: 'С', at },
      registry,
    );
    expect(bad.ok || bad.error.map((p) => p.message)).toEqual([
      'Поле «Дата получения»: «2026-06-31» — не дата (нужно ДД.ММ.ГГГГ).',
      'Поле «Номер отправления»: укажите трек-номер заказного письма.',
    ]);
    const hand = logArrival(
      { id: 'x', personId: 'p9', copy: 'scan', delivery: 'hand', receivedAt: '2026-06-25', by: 'С', at },
      registry,
    );
    expect(hand.ok || hand.error.map((p) => p.code)).toEqual([
      'arrival_person',
      'arrival_future',
      'arrival_delivery',
      'arrival_receipt',
    ]);
  });
});

describe('mailLog', () => {
  it('shows per person: nothing yet, scan only, original; late arrivals are not counted, with the reason', () => {
    const records = [
      key(arrive({ id: 's1', personId: 'p1', copy: 'scan', delivery: 'email', receivedAt: '2026-06-03' }), {
        1: 'for',
        2: 'for',
      }),
      key(arrive({ id: 'o1', personId: 'p1', receivedAt: '2026-06-09' }), { 1: 'for', 2: 'against' }),
      arrive({ id: 's2', personId: 'p2', copy: 'scan', delivery: 'email', receivedAt: '2026-06-04' }),
      arrive({
        id: 'o3',
        personId: 'p3',
        delivery: 'hand',
        receiptMark: 'принял Сидоров',
        trackingNumber: '',
      }),
      arrive({ id: 'o4', personId: 'p4', receivedAt: '2026-06-16' }),
      unwrap(
        withdrawRecord(arrive({ id: 'o5', personId: 'p5' }), { by: 'С', at, reason: 'ошибочная запись' }),
      ),
    ];
    const log = mailLog({ registry, meeting: spec, records });
    const by = (id: string) => log.entries.find((e) => e.personId === id)!;
    expect(log.entries.map((e) => e.status)).toEqual([
      'original',
      'scan_only',
      'original',
      'original',
      'nothing',
      'nothing',
    ]);
    expect(log.totals).toEqual({ nothing: 2, scan_only: 1, original: 3, late: 1 });

    expect(by('p1').counted).toBe(true);
    expect(by('p1').scanDiffers).toEqual([2]);
    expect(by('p1').note).toBe(
      'скан 03.06.2026, e-mail — заменён оригиналом; оригинал 09.06.2026, почта, РПО 80081234567890 — учитывается; скан и оригинал различаются по вопросам №2',
    );
    expect(by('p2')).toMatchObject({ counted: false, late: false });
    expect(by('p2').items[0]!.reason).toBe('получен только скан, оригинал не поступил');
    expect(by('p3').note).toBe(
      'оригинал 05.06.2026, лично, отметка «принял Сидоров», отметки не введены — учитывается',
    );
    expect(by('p4')).toMatchObject({ late: true, counted: false });
    expect(by('p4').items[0]!.reason).toBe('получен 16.06.2026, после окончания голосования (14.06.2026)');
    expect(by('p5').note).toBe('бюллетень не поступал');
  });

  it('a scan counts provisionally where the meeting accepts scans', () => {
    const records = [
      arrive({ id: 's2', personId: 'p2', copy: 'scan', delivery: 'email', receivedAt: '2026-06-04' }),
    ];
    const log = mailLog({ registry, meeting: { ...spec, acceptScans: true }, records });
    expect(log.entries[1]).toMatchObject({ status: 'scan_only', counted: true });
  });

  it('lists paper ballots whose voter is not in the registry', () => {
    const stray = unwrap(
      createRecord(
        {
          id: 'z',
          channel: 'paper',
          voter: { fullName: 'Неизвестный Н.Н.' },
          copy: 'original',
          receivedAt: '2026-06-05',
          voidReasons: [],
          marks: {},
          source: 'z',
        },
        { by: 'С', at },
        false,
      ),
    );
    const log = mailLog({ registry, meeting: spec, records: [stray] });
    expect(log.unmatched).toMatchObject([
      { recordId: 'z', name: 'Неизвестный Н.Н.', counted: false, reason: 'участник не найден в реестре' },
    ]);
  });
});
