// Databases for the sections: migrated by the service itself, then filled by bench/tools/Seed.java
// straight into SQLite (see bench/README.md, "Seeding").
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { log, now } from './clock.mjs';
import { request } from './http.mjs';
import { JAR, SEED, jdkTool } from './paths.mjs';
import { ready, startApp, stopApp } from './service.mjs';

/**
 * Adds count to-dos of owner (or of each user of a pattern such as 'user-%d:100') to db; ids names
 * a file for at most sample of their ids per owner; rare of them carry the selective search word.
 * lists: spread round-robin over the owner's first N lists (SEED_LISTS); share: 'sub:role,...'
 * (SEED_SHARE) shares those lists. Returns the seconds it took.
 */
export function seed(db, owner, count, { ids = null, sample = 10000, rare = 10, lists = 1, share = '' } = {}) {
  const args = ['--enable-native-access=ALL-UNNAMED', '-cp', JAR, SEED, db, owner, String(count)];
  if (ids) args.push(ids, String(sample));
  const t0 = now();
  execFileSync(jdkTool('java'), args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SEED_RARE: String(rare), SEED_LISTS: String(lists), SEED_SHARE: share } });
  return (now() - t0) / 1000;
}

/** A data directory whose database the application has migrated (started once, stopped). */
export async function migratedDir(run, name) {
  const dir = path.join(run.tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  const app = await startApp(run, dir, { name: `migrate-${name}` });
  await ready(app);
  await stopApp(app);
  return dir;
}

/** bench-user with 10,000 to-dos, user-1 … user-100 with 100 each; ids files beside it. */
export async function throughputFixture(run) {
  if (run.fixture) return run.fixture;
  log('preparing the throughput database (10,000 to-dos of bench-user, 100 users x 100)');
  const dir = await migratedDir(run, 'fixture');
  const db = path.join(dir, 'todo.db');
  const ids = path.join(run.tmp, 'ids-bench-user.txt');
  const mixIds = path.join(run.tmp, 'ids-mix.txt');
  const seconds = seed(db, 'bench-user', 10000, { ids }) + seed(db, 'user-%d:100', 100, { ids: mixIds, sample: 100 });
  run.fixture = { dir, db, ids, mixIds, seed_s: seconds };
  return run.fixture;
}

/** The ids of the lists sub can read ({name, id, owner, role, todo_count}), from GET /api/v1/lists. */
export async function listsOf(app, sub) {
  const r = await request(app.port, 'GET', '/api/v1/lists', { sub });
  if (r.status !== 200) throw new Error(`GET /api/v1/lists as ${sub} answered ${r.status}`);
  return JSON.parse(r.body).data.map((l) => ({ name: l.name, id: l.id, owner: l.owner?.id, role: l.role, todo_count: l.todo_count }));
}

/** A fresh copy of a data directory, so that each start finds the same database. */
export function copyDir(run, from, name) {
  const to = path.join(run.tmp, name);
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
  return to;
}
