import { parseJsonWithLines } from './jsonLines';
import { parseMeetingJson } from './meetingJson';

const good = {
  kind: 'snt',
  form: 'mixed',
  title: 'Общее собрание',
  votingStart: '2026-06-01',
  votingEnd: '2026-06-14',
  sessionDate: '2026-06-14',
  invalidMarks: 'question',
  acceptScans: false,
  conflicts: 'flag',
  questions: [
    { number: 1, text: 'Председатель', rule: { majority: 'simple', electorate: 'members' } },
    { number: 2, text: 'Смета', item: '21' },
  ],
};

describe('parseMeetingJson', () => {
  it('reads the meeting description', () => {
    const r = parseMeetingJson(JSON.stringify(good, null, 2), 'meeting.json');
    expect(r.ok && r.value).toEqual({ meeting: good });
  });

  it('reads profile overrides and a channel priority', () => {
    const text = JSON.stringify({
      ...good,
      conflicts: ['paper', 'gosuslugi'],
      profile: {
        items: { '7': { majority: 'two_thirds', electorate: 'members' } },
        questionQuorum: { forms: ['remote'], affectsDecision: true },
        weight: 'plot',
      },
    });
    const r = parseMeetingJson(text, 'meeting.json');
    expect(r.ok && r.value.meeting.conflicts).toEqual(['paper', 'gosuslugi']);
    expect(r.ok && r.value.overrides).toEqual({
      items: { '7': { majority: 'two_thirds', electorate: 'members' } },
      questionQuorum: { forms: ['remote'], affectsDecision: true },
      weight: 'plot',
    });
  });

  it('names the line and the field of every mistake', () => {
    const bad = {
      ...good,
      kind: 'tsj',
      votingEnd: '2026-02-30',
      conflicts: ['paper', 'fax'],
      questions: [
        { number: 1, text: 'А', rule: { majority: 'most', electorate: 'members' } },
        { number: 1, text: 'Б' },
      ],
    };
    const text = JSON.stringify(bad, null, 2);
    const r = parseMeetingJson(text, 'meeting.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = text.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(r.error.map((p) => [p.field, p.row])).toEqual([
      ['kind', lineOf('"kind"')],
      ['votingEnd', lineOf('"votingEnd"')],
      ['conflicts[1]', lineOf('"fax"')],
      ['questions[0].rule.majority', lineOf('"most"')],
      [
        'questions[1].number',
        lines.findIndex((l, i) => i > lineOf('"most"') && l.includes('"number": 1')) + 1,
      ],
    ]);
    expect(r.error[0]!.message).toBe(`Строка ${lineOf('"kind"')}, поле «kind»: «tsj» — нужно «snt», «mkd».`);
    for (const p of r.error) expect(p.file).toBe('meeting.json');
  });

  it('reports a JSON syntax error with its line', () => {
    const r = parseMeetingJson('{\n  "kind": "snt",\n  "form": mixed\n}', 'm.json');
    expect(!r.ok && r.error[0]).toMatchObject({ row: 3, field: 'JSON', code: 'json_syntax' });
    expect(!r.ok && r.error[0]!.message).toBe('Строка 3: ошибка JSON — неожиданный символ «m».');
  });

  it('requires questions and a start not after the end', () => {
    const r = parseMeetingJson(
      JSON.stringify({ ...good, votingStart: '2026-06-20', questions: [] }),
      'm.json',
    );
    expect(!r.ok && r.error.map((p) => p.field)).toEqual(['votingEnd', 'questions']);
  });

  it('names a missing top-level field at the line of the object instead of hanging', () => {
    const { votingStart: _omit, ...rest } = good;
    const r = parseMeetingJson(JSON.stringify(rest, null, 2), 'm.json');
    expect(!r.ok && r.error.map((p) => [p.field, p.row])).toEqual([['votingStart', 1]]);
  });
});

describe('parseJsonWithLines', () => {
  it('parses like JSON.parse and remembers lines', () => {
    const text = '{\n "a": [1,\n  {"b": "x\\"y"}],\n "c": null\n}';
    const r = parseJsonWithLines(text, 'f.json');
    expect(r.ok && r.value.value).toEqual(JSON.parse(text));
    expect(r.ok && [...r.value.lines]).toEqual([
      ['', 1],
      ['a', 2],
      ['a[0]', 2],
      ['a[1]', 3],
      ['a[1].b', 3],
      ['c', 4],
    ]);
    expect(parseJsonWithLines('[1, 2', 'f.json').ok).toBe(false);
    expect(parseJsonWithLines('{"a": 1} x', 'f.json').ok).toBe(false);
  });
});
