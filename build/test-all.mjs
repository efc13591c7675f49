// `npm test`: every test of the project. Lint and types, unit and component tests (vitest), then the
// end-to-end specs in a real Chromium against the built renderer (Playwright). Ends with one line
// `N passed, N failed`, and a non-zero exit code when anything failed.
import { execSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { ensureDeps } from './ensure-deps.mjs';
import { findChromium } from './find-chromium.mjs';
import { ensureSystemTools } from './system-tools.mjs';

ensureDeps();
const tools = ensureSystemTools();
if (!tools.ok) {
  console.error(tools.message);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;

function step(name, cmd, env = {}) {
  console.log(`\n=== ${name}: ${cmd}`);
  const r = spawnSync(cmd, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

if (step('lint', 'npm run -s lint')) passed += 1;
else failed += 1;

step('unit', 'npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json');
if (existsSync('test-results/unit.json')) {
  const unit = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
  passed += unit.numPassedTests;
  failed +=
    unit.numFailedTests +
    (unit.numTotalTestSuites > 0 && unit.success === false && unit.numFailedTests === 0 ? 1 : 0);
} else failed += 1;

execSync('npx vite build --logLevel warn && node build/build-node.mjs --quiet', { stdio: 'inherit' });
const chromium = findChromium();
if (!chromium.ok) {
  console.error(chromium.message);
  failed += 1;
} else {
  step('e2e', 'npx playwright test --config test/e2e/playwright.config.ts', { CHROMIUM_PATH: chromium.path });
  if (existsSync('test-results/e2e.json')) {
    const e2e = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'));
    passed += e2e.stats.expected;
    failed += e2e.stats.unexpected + e2e.stats.flaky;
    if (e2e.stats.skipped > 0) failed += e2e.stats.skipped; // a skipped e2e spec is a failure here
  } else failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
