import { packageFolderName, safeName } from './protocolPackage';

describe('protocol package names', () => {
  it('names the folder by number and date', () => {
    expect(packageFolderName('3', '2026-06-20')).toBe('Протокол № 3 от 20.06.2026');
    expect(packageFolderName('  ', '2026-06-20')).toBe('Протокол от 20.06.2026');
    expect(packageFolderName('3/2026', '2026-06-20')).toBe('Протокол № 3_2026 от 20.06.2026');
  });

  it('makes any scan name a plain file name every file system takes', () => {
    expect(safeName('скан: Иванов/стр 1?.jpg')).toBe('скан_ Иванов_стр 1_.jpg');
    expect(safeName('..\\..\\etc\\passwd')).toBe('_.._etc_passwd');
    expect(safeName(' бюллетень. ')).toBe('бюллетень');
    const long = safeName(`${'Ж'.repeat(200)}.jpeg`);
    expect(long.endsWith('.jpeg')).toBe(true);
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(160);
  });
});
