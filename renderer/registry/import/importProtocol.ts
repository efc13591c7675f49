import type { PartnershipKind, Person } from '../../../shared/domain/types';
import type { Result } from '../../../shared/result';
import type { RegistryDiff } from '../../../shared/registry/diffRegistry';
import type { AnalysisDelta } from './analysisDelta';
import type { RemapOptions } from './importSession';

/** Messages between the import preview and its worker. */
export type ImportRequest =
  | {
      id: number;
      type: 'open';
      bytes: Uint8Array;
      fileName: string;
      existing: Person[];
      kind: PartnershipKind;
      options?: RemapOptions;
    }
  | { id: number; type: 'remap'; options: RemapOptions }
  | { id: number; type: 'edit'; row: number; cells: string[] }
  /** Everything the last reading would import (the analysis carries only the first people). */
  | { id: number; type: 'changes' }
  /** The import is closed: its file is let go. */
  | { id: number; type: 'close' }
  /** The user is about to pick a file: load and compile the reader before it comes. */
  | { id: number; type: 'warm' };

export interface ImportResponse {
  id: number;
  /** An analysis as the parts that changed since the one before (see analysisDelta). */
  result: Result<AnalysisDelta | RegistryDiff>;
}
