import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';

/**
 * A `pg.Pool` look-alike over one PGlite instance, for TypeORM's postgres driver.
 *
 * PGlite is a single session. The pool that typeorm-pglite ships hands that one session
 * to every query runner at once, so two concurrent TypeORM transactions interleave their
 * statements and one's COMMIT commits the other's half-done work. Here a connection is a
 * lease: whoever holds it owns the session until TypeORM releases it, so a transaction is
 * as isolated as on PostgreSQL (serialised, which is what one embedded session can do).
 */
class SessionLease {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolveRelease) => (release = resolveRelease));
    const granted = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return granted;
  }
}

interface EmbeddedDatabase {
  pglite: Promise<PGlite>;
  lease: SessionLease;
  users: number;
}

const openDatabases = new Map<string, EmbeddedDatabase>();

// TypeORM binds JS booleans as 1/0 or 't'/'f'; PGlite wants SQL boolean literals.
const booleanSerializer = (value: unknown): string =>
  value === true || value === 'true' || value === 1 ? 'TRUE' : value === false || value === 'false' || value === 0 ? 'FALSE' : String(value);

function openEmbeddedDatabase(dataDir: string): EmbeddedDatabase {
  const key = resolve(dataDir);
  let database = openDatabases.get(key);
  if (!database) {
    mkdirSync(key, { recursive: true });
    database = {
      pglite: PGlite.create({ dataDir: key, serializers: { [types.BOOL]: booleanSerializer } }),
      lease: new SessionLease(),
      users: 0,
    };
    openDatabases.set(key, database);
  }
  database.users += 1;
  return database;
}

async function closeEmbeddedDatabase(dataDir: string): Promise<void> {
  const key = resolve(dataDir);
  const database = openDatabases.get(key);
  if (!database) return;
  database.users -= 1;
  if (database.users > 0) return;
  openDatabases.delete(key);
  await (await database.pglite).close();
}

type QueryCallback = (error: Error | null, result?: unknown) => void;

// TypeORM listens for 'error' on a connection as it would on a pg.Client.
class LeasedSession extends EventEmitter {
  constructor(private readonly pglite: PGlite) {
    super();
  }

  async query(sql: string, parameters?: unknown[] | QueryCallback, callback?: QueryCallback): Promise<unknown> {
    if (typeof parameters === 'function') {
      callback = parameters;
      parameters = undefined;
    }
    try {
      const result =
        Array.isArray(parameters) && parameters.length > 0
          ? await this.pglite.query(sql, parameters)
          : // exec runs multi-statement scripts (migrations); TypeORM expects the last result.
            ((await this.pglite.exec(sql)).at(-1) ?? { rows: [], fields: [], affectedRows: 0 });
      callback?.(null, result);
      return result;
    } catch (error) {
      callback?.(error as Error);
      throw error;
    }
  }
}

/** Builds the `driver` option for a TypeORM postgres DataSource backed by PGlite in `dataDir`. */
export function embeddedPostgresDriver(dataDir: string): { Pool: new () => EventEmitter } {
  class SerializedPGlitePool extends EventEmitter {
    private readonly database = openEmbeddedDatabase(dataDir);
    private ended = false;

    connect(callback: (error: Error | null, client?: LeasedSession, release?: () => void) => void): void {
      void (async () => {
        try {
          const pglite = await this.database.pglite;
          const release = await this.database.lease.acquire();
          callback(null, new LeasedSession(pglite), release);
        } catch (error) {
          callback(error as Error);
        }
      })();
    }

    /** Pool-level queries (TypeORM uses them rarely) take the lease for their one statement. */
    async query(sql: string, parameters?: unknown[] | QueryCallback, callback?: QueryCallback): Promise<unknown> {
      const pglite = await this.database.pglite;
      const release = await this.database.lease.acquire();
      try {
        return await new LeasedSession(pglite).query(sql, parameters, callback);
      } finally {
        release();
      }
    }

    end(callback?: (error?: Error | null) => void): void {
      if (this.ended) {
        callback?.(null);
        return;
      }
      this.ended = true;
      closeEmbeddedDatabase(dataDir).then(
        () => callback?.(null),
        (error: Error) => callback?.(error),
      );
    }
  }
  return { Pool: SerializedPGlitePool };
}
