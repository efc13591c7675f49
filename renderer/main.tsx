import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { GolosDb } from './db/db';

const db = new GolosDb();

// Benchmarks only: `?bench` in the URL installs window.golosBench (test/bench/registryBrowserBench.ts).
if (new URLSearchParams(window.location.search).has('bench')) {
  void import('./bench/benchHook').then((m) => m.installBenchHook(db));
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App db={db} />
  </StrictMode>,
);
