import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * Marks a query as hot: on PostgreSQL it runs as a named prepared statement, so after a few
 * executions the server reuses a generic plan instead of planning it again (planning was half
 * the cost of the learner pathway snapshot). Put it in front with `.modifyFront(PREPARED)`;
 * PGlite ignores it (a comment).
 */
export const PREPARED_MARK = '/* cairn:prepared */';

// Names by query text: hot queries run thousands of times a second, their text never changes.
const statementNames = new Map<string, string>();

function statementName(text: string) {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `cairn_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    // Only marked queries are named, and there are few of them; the bound is a guard.
    if (statementNames.size < 1000) statementNames.set(text, name);
  }
  return name;
}

/** The pool Kysely sees: marked queries become prepared statements (per connection, by pg). */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let facade = wrapped.get(client);
      if (!facade) {
        facade = {
          query: ((textOrCursor: unknown, parameters?: readonly unknown[]) => {
            if (typeof textOrCursor === 'string' && textOrCursor.includes(PREPARED_MARK)) {
              return client.query({
                name: statementName(textOrCursor),
                text: textOrCursor,
                values: parameters as unknown[],
              });
            }
            return (client.query as (...args: unknown[]) => unknown)(textOrCursor, parameters);
          }) as PostgresPoolClient['query'],
          release: (destroy?: boolean) => client.release(destroy),
        };
        wrapped.set(client, facade);
      }
      return facade;
    },
    end: () => pool.end(),
  };
}
