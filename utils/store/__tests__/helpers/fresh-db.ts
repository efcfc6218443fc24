import { IDBFactory } from 'fake-indexeddb';
import { type OutageDb, openWithLadder } from '../../db';

/** A new, empty in-memory database at DB_VERSION: each call has its own factory, so tests share nothing. */
export function openFreshDb(): Promise<OutageDb> {
  return openWithLadder(new IDBFactory());
}
