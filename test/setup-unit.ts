// Unit and component test setup. Component tests opt into jsdom with a `// @vitest-environment jsdom` docblock.
import 'fake-indexeddb/auto';
if (typeof window !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
  // findBy…/waitFor give up after 1 s by default: too short for a screen's first database read on a
  // loaded machine (the test then fails on timing, not on what the screen shows).
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5000 });
}
