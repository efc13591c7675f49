/// <reference lib="webworker" />
// Reads, matches and previews a Gosuslugi results file off the main thread, so the window stays
// responsive on exports of many thousands of rows; reports progress by stage.
import { createImportHandler } from './importHandler';
import type { ImportMessage, ImportRequest } from './importProtocol';

const handle = createImportHandler();
let queue: Promise<void> = Promise.resolve();

self.onmessage = (e: MessageEvent<ImportRequest>) => {
  const { id, ...cmd } = e.data;
  // One command at a time, in the order sent.
  queue = queue.then(async () => {
    const result = await handle(cmd, (stage, step, steps) =>
      self.postMessage({ id, kind: 'progress', stage, step, steps } satisfies ImportMessage),
    );
    self.postMessage({ id, kind: 'done', result } satisfies ImportMessage);
  });
};
