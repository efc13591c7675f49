// The system tools the tests call (PDF text and pixels, zip listing, checksums, peak memory), and Chromium's
// installer. Where a tool is missing and Debian's apt-get can be used (as root), its package is
// installed; otherwise `npm test` stops at once and names what is missing, instead of a test failing
// deep inside with "command not found".
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Tool -> the Debian package that brings it. */
export const SYSTEM_TOOLS = {
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  unzip: 'unzip',
  sha256sum: 'coreutils',
  // The CLI's memory ceilings (hostile corpus, the 605,000-row registry) are read from GNU time.
  '/usr/bin/time': 'time',
};

const onPath = (tool, env) =>
  spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore', env }).status === 0;

/** Installs Debian packages where apt-get can be used; false where it cannot or failed. */
export function aptInstall(packages) {
  if (!existsSync('/usr/bin/apt-get') || process.getuid?.() !== 0) return false;
  console.log(`Устанавливаю через apt-get: ${packages.join(', ')}…`);
  try {
    execSync(
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`,
      {
        stdio: 'inherit',
      },
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * The tools still missing after trying to install them, with a message naming them and their packages.
 * `env` and `install` are for tests (a PATH without the tools, no installing).
 */
export function ensureSystemTools({ env = process.env, install = aptInstall } = {}) {
  let missing = Object.keys(SYSTEM_TOOLS).filter((t) => !onPath(t, env));
  if (missing.length > 0 && install([...new Set(missing.map((t) => SYSTEM_TOOLS[t]))])) {
    missing = missing.filter((t) => !onPath(t, env));
  }
  if (missing.length === 0) return { ok: true };
  const packages = [...new Set(missing.map((t) => SYSTEM_TOOLS[t]))].join(' ');
  return {
    ok: false,
    message:
      `Для тестов нужны системные программы, их нет: ${missing.join(', ')}. ` +
      `Установите их (Debian/Ubuntu: \`sudo apt-get install ${packages}\`) и запустите тесты снова.`,
  };
}
