import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
// @ts-expect-error: a plain .mjs build script without type declarations
import { ensureSystemTools, SYSTEM_TOOLS } from './system-tools.mjs';

describe('the system tools npm test needs', () => {
  it('are all on this machine', () => {
    expect(ensureSystemTools({ install: () => false })).toEqual({ ok: true });
  });

  it('are named, with their Debian packages, when missing; nothing is installed when it cannot be', () => {
    const bin = mkdtempSync(join(tmpdir(), 'golos-path-'));
    try {
      // A PATH with a shell and only pdftotext and unzip of the tools.
      for (const tool of ['sh', 'pdftotext', 'unzip']) {
        symlinkSync(execSync(`command -v ${tool}`, { encoding: 'utf8' }).trim(), join(bin, tool));
      }
      const asked: string[][] = [];
      const r = ensureSystemTools({
        env: { PATH: bin },
        install: (packages: string[]) => (asked.push(packages), false),
      });
      expect(asked).toEqual([['poppler-utils', 'coreutils']]);
      expect(r.ok).toBe(false);
      expect(r.message).toContain('их нет: pdfinfo, pdftoppm, sha256sum.');
      expect(r.message).toContain('sudo apt-get install poppler-utils coreutils');
      // GNU time is asked for by its path (the tests run /usr/bin/time), so a PATH does not hide it.
      expect(Object.keys(SYSTEM_TOOLS)).toEqual([
        'pdftotext',
        'pdfinfo',
        'pdftoppm',
        'unzip',
        'sha256sum',
        '/usr/bin/time',
      ]);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
