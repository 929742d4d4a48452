// Databases for the sections: migrated by the service itself, then filled by bench/tools/Seed.java
// straight into SQLite or PostgreSQL (see bench/README.md, "Seeding"); and the check that the
// service counts what was seeded.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { log, now } from './clock.mjs';
import { copyDatabase, migratedDatabase } from './engines.mjs';
import { request } from './http.mjs';
import { JAR, SEED, jdkTool } from './paths.mjs';
import { ready, startApp, stopApp } from './service.mjs';

/**
 * Adds count to-dos of owner (or of each user of a pattern such as 'user-%d:100') to db (a SQLite
 * file or a JDBC URL); ids names a file for at most sample of their ids per owner; rare of them
 * carry the selective search word. lists: spread round-robin over the owner's first N lists
 * (SEED_LISTS); share: 'sub:role,...' (SEED_SHARE) shares those lists. Returns {seconds, added}:
 * per owner what the seeder says it added ({todos, active, active_due: {date: n}}).
 */
export function seedCounted(db, owner, count, { ids = null, sample = 10000, rare = 10, lists = 1, share = '' } = {}) {
  const args = ['--enable-native-access=ALL-UNNAMED', '-cp', JAR, SEED, db, owner, String(count)];
  if (ids) args.push(ids, String(sample));
  const t0 = now();
  const out = execFileSync(jdkTool('java'), args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SEED_RARE: String(rare), SEED_LISTS: String(lists), SEED_SHARE: share },
  });
  const added = {};
  for (const line of out.split('\n')) {
    if (!line.startsWith('SEEDJSON ')) continue;
    const a = JSON.parse(line.slice('SEEDJSON '.length));
    added[a.owner] = a;
  }
  return { seconds: (now() - t0) / 1000, added };
}

/** seedCounted's seconds. */
export function seed(db, owner, count, options = {}) {
  return seedCounted(db, owner, count, options).seconds;
}

/** Adds what a seeding added to the expected counts per owner ({todos, active, active_due}). */
export function addExpected(expected, added) {
  for (const [owner, a] of Object.entries(added)) {
    const e = (expected[owner] ??= { todos: 0, active: 0, active_due: {} });
    e.todos += a.todos;
    e.active += a.active;
    for (const [date, n] of Object.entries(a.active_due)) e.active_due[date] = (e.active_due[date] ?? 0) + n;
  }
  return expected;
}

/** The stats the service should answer for expected counts on a UTC date. */
export function expectedStats(e, today = new Date().toISOString().slice(0, 10)) {
  let overdue = 0;
  let dueToday = 0;
  for (const [date, n] of Object.entries(e.active_due)) {
    if (date < today) overdue += n;
    else if (date === today) dueToday += n;
  }
  return { total: e.todos, active: e.active, completed: e.todos - e.active, overdue, due_today: dueToday };
}

/**
 * Compares, for each owner, GET /api/v1/todos/stats (total, active, completed, overdue, due
 * today) and the list's total_count with the expected counts (expected[owner], plus extra[owner]
 * to-dos, active, created since). Returns {owners, ok, mismatches}.
 */
export async function verifyCounts(app, expected, extra = {}) {
  const mismatches = [];
  for (const [owner, e] of Object.entries(expected)) {
    const plus = extra[owner] ?? 0;
    const want = expectedStats(e);
    want.total += plus;
    want.active += plus;
    const stats = await request(app.port, 'GET', '/api/v1/todos/stats', { sub: owner, timeout: 30000 });
    const list = await request(app.port, 'GET', '/api/v1/todos?page_size=1', { sub: owner, timeout: 30000 });
    let got;
    try {
      got = { ...JSON.parse(stats.body), total_count: JSON.parse(list.body).meta.total_count };
    } catch {
      mismatches.push({ owner, stats: stats.status, list: list.status });
      continue;
    }
    const diff = Object.keys(want).filter((k) => got[k] !== want[k]);
    if (got.total_count !== want.total) diff.push('total_count');
    if (diff.length) mismatches.push({ owner, want, got });
  }
  const result = { owners: Object.keys(expected).length, ok: mismatches.length === 0, mismatches: mismatches.slice(0, 5) };
  if (!result.ok) log(`counts differ from what was seeded: ${JSON.stringify(result.mismatches)}`);
  return result;
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

/**
 * bench-user with 10,000 to-dos, user-1 … user-100 with 100 each; ids files beside it. Per engine
 * (default SQLite), prepared once per run: {database, dir, db, ids, mixIds, seed_s, expected}.
 */
export async function throughputFixture(run, engine = 'sqlite') {
  if (run.fixtures[engine]) return run.fixtures[engine];
  log(`preparing the throughput database on ${engine} (10,000 to-dos of bench-user, 100 users x 100)`);
  const database = await migratedDatabase(run, engine, 'fixture');
  const target = engine === 'sqlite' ? database.file : database.url;
  const ids = path.join(run.tmp, `ids-bench-user-${engine}.txt`);
  const mixIds = path.join(run.tmp, `ids-mix-${engine}.txt`);
  const one = seedCounted(target, 'bench-user', 10000, { ids });
  const mix = seedCounted(target, 'user-%d:100', 100, { ids: mixIds, sample: 100 });
  const expected = addExpected(addExpected({}, one.added), mix.added);
  run.fixtures[engine] = { database, dir: database.dir, db: database.file, ids, mixIds, seed_s: one.seconds + mix.seconds, expected };
  return run.fixtures[engine];
}

/** A copy of an engine's throughput database, for one start of the application. */
export function fixtureCopy(run, fx, name) {
  return copyDatabase(run, fx.database, name);
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
