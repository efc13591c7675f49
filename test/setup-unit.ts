// Unit and component test setup. Component tests opt into jsdom with a `// @vitest-environment jsdom` docblock.
import 'fake-indexeddb/auto';
if (typeof window !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
}
