import type { PartnershipKind, Person } from '../../../shared/domain/types';
import type { Result } from '../../../shared/result';
import type { ImportAnalysis, RemapOptions } from './importSession';

/** Messages between the import preview and its worker. */
export type ImportRequest =
  | {
      id: number;
      type: 'open';
      bytes: Uint8Array;
      fileName: string;
      existing: Person[];
      kind: PartnershipKind;
    }
  | { id: number; type: 'remap'; options: RemapOptions };

export interface ImportResponse {
  id: number;
  result: Result<ImportAnalysis>;
}
