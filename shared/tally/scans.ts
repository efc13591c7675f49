/**
 * A paper scan and its original are one ballot: the original's marks count and the questions where they
 * differ are listed; a scan whose original never came counts only where the meeting accepts scans.
 */
import type { Ballot } from '../domain/types';
import { REJECTED, SCAN_MERGED, type OutcomeExtra } from './outcomes';

export interface ScanContext {
  ballots: readonly Ballot[];
  codes: Int8Array;
  numbers: readonly number[];
  /** 1 for a scan. */
  scan: Uint8Array;
  channel: Uint8Array;
  acceptScans: boolean;
  /** Status of each slot; slot first + k is order[k]. */
  slotStatus: Uint8Array;
  /** The rarer fields of the slots' outcomes (made when first written). */
  extras: Map<number, OutcomeExtra>;
}

/** Slot s's rarer fields, made when first written. */
function extraOf(extras: Map<number, OutcomeExtra>, s: number): OutcomeExtra {
  let e = extras.get(s);
  if (e === undefined) extras.set(s, (e = {}));
  return e;
}

/** Pairs each scan of a person with an original of the same channel; a lone scan is a setting. */
export function mergeScans(ctx: ScanContext, order: readonly number[], first: number): void {
  const { ballots, codes, numbers, scan, channel, acceptScans, slotStatus, extras } = ctx;
  const Q = numbers.length;
  for (let k = 0; k < order.length; k++) {
    const b = order[k]!;
    if (scan[b] === 0) continue;
    const o = order.findIndex((x) => scan[x] === 0 && channel[x] === channel[b]);
    if (o < 0) {
      if (!acceptScans) {
        extraOf(extras, first + k).scanOnly = true;
        slotStatus[first + k] = REJECTED;
      }
      continue;
    }
    const out = extraOf(extras, first + k);
    const original = extraOf(extras, first + o);
    const differs: number[] = [];
    for (let q = 0; q < Q; q++) {
      if (codes[order[k]! * Q + q] !== codes[order[o]! * Q + q]) differs.push(numbers[q]!);
    }
    slotStatus[first + k] = SCAN_MERGED;
    out.originalId = ballots[order[o]!]!.id;
    original.scanIds = [...(original.scanIds ?? []), ballots[b]!.id];
    if (differs.length > 0) {
      out.scanDiffers = differs;
      original.scanDiffers = [...new Set([...(original.scanDiffers ?? []), ...differs])].sort(
        (x, y) => x - y,
      );
    }
  }
}
