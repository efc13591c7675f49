// `npm run bench`: builds the renderer and the Node bundles, then runs every benchmark and prints a
// table of measured times, each with a baseline measured in the same run and the ratio between them.
import { execFileSync, execSync } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';
import { findChromium } from './find-chromium.mjs';

ensureDeps();
execSync('npx vite build --logLevel warn && node build/build-node.mjs --quiet', { stdio: 'inherit' });
const chromium = findChromium();
if (!chromium.ok) {
  console.error(chromium.message);
  process.exit(1);
}
execFileSync('node', ['dist/bench/node-bench.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium.path },
});
