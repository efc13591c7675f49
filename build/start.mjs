// `npm start`: installs what is missing, builds, and opens Golos in Electron; where the Electron binary
// is not available (no internet for its download), says so in one line and serves the same renderer on
// localhost for a browser. `npm run web` (`--web`) goes straight to the browser mode.
import { execSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();
execSync('npx vite build --logLevel warn && node build/build-node.mjs --quiet', { stdio: 'inherit' });

const webOnly = process.argv.includes('--web');
const electronBinary = webOnly ? null : findElectron();
if (electronBinary) {
  const child = spawn(electronBinary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!webOnly) {
    console.log(
      'Electron недоступен на этой машине (нет скачанного двоичного файла) — открываю Голос в браузере.',
    );
  }
  const port = process.env.PORT ?? '5173';
  const child = spawn('npx', ['vite', 'preview', '--port', port, '--strictPort'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

/**
 * The Electron binary, or null. Resolving `electron` downloads the binary on first use where the network
 * allows (npm does not run its install script); that attempt runs in a child process with its output
 * kept, so an offline machine gets our one line instead of a stack trace.
 */
function findElectron() {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const path = r.status === 0 ? r.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}
