import { readOptions } from './commandOptions';

const spec = {
  names: ['meeting', 'out', 'blank'] as const,
  required: ['meeting', 'out'] as const,
  usage: 'ИСПОЛЬЗОВАНИЕ',
};

describe('readOptions', () => {
  it('reads each option once, in any order', () => {
    expect(readOptions(['--out', 'b.pdf', '--meeting', 'm.json'], spec)).toEqual({
      ok: true,
      named: { out: 'b.pdf', meeting: 'm.json' },
    });
  });

  it('refuses in Russian, ending with the usage', () => {
    const message = (argv: string[]) => {
      const r = readOptions(argv, spec);
      return r.ok ? '' : r.message;
    };
    expect(message(['--meeting', 'm.json', '--out', 'b.pdf', 'лишнее'])).toBe(
      'Неизвестный параметр «лишнее».\nИСПОЛЬЗОВАНИЕ',
    );
    expect(message(['--color', 'red'])).toBe('Неизвестный параметр «--color».\nИСПОЛЬЗОВАНИЕ');
    expect(message(['--meeting', '--out', 'b.pdf'])).toBe(
      'Параметр --meeting: не указано значение.\nИСПОЛЬЗОВАНИЕ',
    );
    expect(message(['--out', 'a.pdf', '--out', 'b.pdf'])).toBe(
      'Параметр --out указан больше одного раза.\nИСПОЛЬЗОВАНИЕ',
    );
    expect(message(['--out', 'b.pdf'])).toBe('Параметр --meeting обязателен.\nИСПОЛЬЗОВАНИЕ');
  });

  it('collects the words that are not options as files when asked', () => {
    const files: string[] = [];
    const r = readOptions(['a.pdf', '--meeting', 'm.json', 'b.png', '--out', 'dir', '-c.tif'], {
      ...spec,
      files,
    });
    expect(r).toEqual({ ok: true, named: { meeting: 'm.json', out: 'dir' } });
    expect(files).toEqual(['a.pdf', 'b.png', '-c.tif']);
  });
});
