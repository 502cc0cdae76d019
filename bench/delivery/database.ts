// The delivery bench's database: a scratch PostgreSQL database, or SQLite
// in a temporary folder; `done` removes either.
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function openDatabase(options: {
  pg: boolean;
  url: string;
}): Promise<{
  knex: Knex;
  done: () => Promise<void>;
}> {
  if (options.pg) {
    const name = `delivery_bench_${process.pid}`;
    const admin = knexFactory({ client: 'pg', connection: options.url });
    await admin.raw(`CREATE DATABASE ${name}`);
    const knex = knexFactory({
      client: 'pg',
      connection: `${options.url}/${name}`,
    });
    return {
      knex,
      done: async () => {
        await knex.destroy();
        await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
        await admin.destroy();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'delivery-bench-'));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'delivery.sqlite') },
    useNullAsDefault: true,
  });
  return {
    knex,
    done: async () => {
      await knex.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
