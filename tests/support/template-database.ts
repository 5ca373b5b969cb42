/**
 * Vitest global setup: migrates one database per run, which test files then copy
 * (`CREATE DATABASE … TEMPLATE`) instead of each running every migration again. The copy is exactly
 * what migrating gives; the tests of migrating itself (the server on an empty database, PGlite) do
 * not use it.
 */
import { connectPostgres, migrateToLatest } from '@society-hub/api/testing';
import type { TestProject } from 'vitest/node';
import { createTestDatabase, dropDatabase } from './database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated database to copy, or '' when none could be made. */
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { url } = await createTestDatabase('sh_template');
  const name = new URL(url).pathname.slice(1);
  const database = connectPostgres(url, 1);
  try {
    await migrateToLatest(database.db);
  } finally {
    // A template must have no connections while it is copied.
    await database.close();
  }
  project.provide('templateDatabase', name);
  return () => dropDatabase(name);
}
