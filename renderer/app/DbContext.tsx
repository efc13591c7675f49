import { createContext, useContext } from 'react';
import type { GolosDb } from '../db/db';

const DbContext = createContext<GolosDb | null>(null);

export const DbProvider = DbContext.Provider;

/** The app's database; tests provide their own (fake-indexeddb) through DbProvider. */
export function useDb(): GolosDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb outside DbProvider');
  return db;
}
