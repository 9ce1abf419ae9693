import type { Table } from './dynamo';
import { rateLimitRepo } from './rate-limits';
import { createTableRepositories } from './table-repositories';

/** Every repository over the one table (the API's: with the vendor failure counters). */
export function createRepositories(table: Table) {
  return { ...createTableRepositories(table), rateLimits: rateLimitRepo(table) };
}

/** The repositories' type, as put on the app context. */
export type Repositories = ReturnType<typeof createRepositories>;
