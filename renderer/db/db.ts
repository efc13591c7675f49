import Dexie, { type EntityTable } from 'dexie';
import type { Partnership } from '../../shared/domain/types';
import type { PersonRecord } from './personRecord';
import { schemaV1, schemaV2, upgradeToV2 } from './schema';

export const DEFAULT_DB_NAME = 'golos';

/** The app's IndexedDB database. Repositories (partnershipRepo, personRepo) are the only writers. */
export class GolosDb extends Dexie {
  partnership!: EntityTable<Partnership, 'id'>;
  persons!: EntityTable<PersonRecord, 'id'>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores(schemaV1);
    this.version(2).stores(schemaV2).upgrade(upgradeToV2);
  }
}

export function newId(): string {
  return crypto.randomUUID();
}
