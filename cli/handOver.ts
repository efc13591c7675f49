/**
 * A spreadsheet as `golos tally` hands it to the tally, which reads each one once: its bytes are handed
 * over, not held while the persons of a 50 MB registry are made (read again from disk should anything
 * ask twice). The first-tally benchmark hands its files over the same way, so its heap is the command's.
 */
import { readFileSync } from 'node:fs';
import type { InputFile } from '../shared/results/tallyFiles';

export function handOver(file: InputFile, path: string): InputFile {
  let bytes: Uint8Array | undefined = file.bytes;
  return {
    name: file.name,
    get bytes() {
      const b = bytes ?? new Uint8Array(readFileSync(path));
      bytes = undefined;
      return b;
    },
  };
}
