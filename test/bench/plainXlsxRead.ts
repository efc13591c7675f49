/**
 * The plainest read of an XLSX file, a baseline for the readers: unzip every part and count the cells
 * in the XML. As a script (`node dist/bench/plain-read.mjs FILE...`) it reads the files named and fails
 * when it found no cell.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';

export function plainXlsxRead(bytes: Uint8Array): number {
  const decoder = new TextDecoder();
  let cells = 0;
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith('.xml')) continue;
    const xml = decoder.decode(data);
    for (let i = xml.indexOf('<c '); i >= 0; i = xml.indexOf('<c ', i + 3)) cells++;
  }
  return cells;
}

const isMain = typeof process !== 'undefined' && /plain-read\.(mjs|ts)$/.test(process.argv[1] ?? '');
if (isMain) {
  let cells = 0;
  for (const file of process.argv.slice(2)) cells += plainXlsxRead(new Uint8Array(readFileSync(file)));
  if (cells === 0) process.exit(2);
}
