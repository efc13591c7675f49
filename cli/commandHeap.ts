/**
 * The heap setting of a `golos` process. A command runs once and exits: the heap grows by 30% past
 * what is live at each full collection, not by up to 4 times as for a long-running program. A registry
 * of 600,000 rows then stays under 1 GB (cli/largeCsv.test.ts); the extra collections cost a few per
 * cent of the time. Whatever stands for the command (its batch test runner, the first-tally benchmark)
 * sets the same, so its collections fall as the command's do.
 */
import { setFlagsFromString } from 'node:v8';

export function useCommandHeap(): void {
  setFlagsFromString('--heap-growing-percent=30');
}
