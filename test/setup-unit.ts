// Unit and component test setup. Component tests opt into jsdom with a `// @vitest-environment jsdom` docblock.
import 'fake-indexeddb/auto';
import { afterAll, afterEach } from 'vitest';
if (typeof window !== 'undefined') {
  // Before Testing Library is loaded: its cleanup (an afterEach of its own) then runs first.
  failOnUpdatesOutsideAct();
  await import('@testing-library/jest-dom/vitest');
  // findBy…/waitFor give up after 1 s by default: too short for a screen's first database read on a
  // loaded machine (the test then fails on timing, not on what the screen shows).
  const { cleanup, configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5000 });
  // Testing Library unmounts after each test through a hook it adds when first imported: a DOM file
  // that shares its worker's modules with the file before it (the `dom` project) must add it itself.
  afterEach(() => cleanup());
}

/**
 * React warns «An update to X inside a test was not wrapped in act(...)» when a component changes state
 * while the test is not waiting for it: the test went on (or ended) while the screen was still moving.
 * Such a warning fails the test it came in (after the file's last test, the file), naming the component
 * and the app's lines that made the update.
 *
 * One update is let through (React still prints it): a toast closing by itself, 8 s after it opened.
 * In a long test that timer fires wherever the test happens to be; no test waits 8 s for it.
 */
function failOnUpdatesOutsideAct(): void {
  const found: string[] = [];
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('not wrapped in act(')) {
      const what = args[0].replace(/%s/g, () => String(args[1] ?? '')).split('\n')[0]!;
      const stack = (new Error().stack ?? '').split('\n');
      const toastTimer = what.includes(' ToastProvider ') && stack.some((l) => l.includes('Timeout.'));
      if (!toastTimer) {
        const where = stack
          .filter((line) => /\/(renderer|shared)\//.test(line) && !line.includes('node_modules'))
          .slice(0, 4)
          .map((line) => line.trim());
        found.push([what, ...where].join('\n    '));
      }
    }
    print(...args);
  };
  const check = () => {
    if (found.length > 0) throw new Error(`State updated outside act():\n  ${found.splice(0).join('\n  ')}`);
  };
  afterEach(check);
  afterAll(check);
}
