/// <reference lib="webworker" />
// Reads and checks an import file off the main thread, so the window stays responsive on large files.
import { createImportHandler } from './importHandler';
import type { ImportRequest, ImportResponse } from './importProtocol';

const handle = createImportHandler();

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const { id, ...cmd } = e.data;
  const result = await handle(cmd);
  self.postMessage({ id, result } satisfies ImportResponse);
};
