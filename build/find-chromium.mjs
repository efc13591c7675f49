// Finds a Chromium for the end-to-end specs: $CHROMIUM_PATH, /usr/bin/chromium, or the Playwright cache.
// Where none is found and Debian's apt-get can be used, installs `chromium`; otherwise returns an error
// message saying how to get one. Never a silent skip.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { aptInstall } from './system-tools.mjs';

function candidates() {
  const list = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (existsSync(cache)) {
    for (const dir of readdirSync(cache)
      .filter((d) => d.startsWith('chromium'))
      .sort()
      .reverse()) {
      list.push(join(cache, dir, 'chrome-linux', 'chrome'), join(cache, dir, 'chrome-linux64', 'chrome'));
    }
  }
  return list.filter(Boolean);
}

export function findChromium() {
  const found = candidates().find((p) => existsSync(p));
  if (found) return { ok: true, path: found };
  console.log('Chromium не найден — устанавливаю пакет chromium…');
  if (aptInstall(['chromium']) && existsSync('/usr/bin/chromium'))
    return { ok: true, path: '/usr/bin/chromium' };
  return {
    ok: false,
    message:
      'Не найден Chromium для сквозных тестов. Установите его (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
      'или укажите путь к нему в переменной CHROMIUM_PATH.',
  };
}
