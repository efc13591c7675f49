/** Messages between the Gosuslugi import wizard and its Web Worker. */
import type { Ballot, IsoDate, Person } from '../../shared/domain/types';
import type { GosuslugiMapping } from '../../shared/gosuslugi/mapping';
import type { Result } from '../../shared/result';
import type { BuiltImport, Corrections, MappingView, OpenRequest, PreviewView } from './importSession';

export type ImportCommand =
  /**
   * Read the file, propose the mapping and, when it is complete, preview with it. The registry is sent
   * only when it differs from the one sent before (the worker keeps it and its index).
   */
  | ({ type: 'open' } & Omit<OpenRequest, 'registry'> & { registry?: Person[] })
  /** Propose again for header rows chosen by hand. */
  | { type: 'header'; first: number; last: number }
  | { type: 'preview'; mapping: GosuslugiMapping; corrections: Corrections }
  | { type: 'build'; receivedAt: IsoDate; replaces?: Ballot[] };

/** What `open` and `header` answer: the mapping step, and the preview when the mapping is complete. */
export interface Opened {
  view: MappingView;
  preview: PreviewView | null;
}

export type ImportAnswer = Opened | PreviewView | BuiltImport;

export type ImportRequest = ImportCommand & { id: number };

export type ImportMessage =
  | { id: number; kind: 'progress'; stage: string; step: number; steps: number }
  | { id: number; kind: 'done'; result: Result<ImportAnswer> };
