// Growth: bench-user holding more and more to-dos (seeded into the running service's database):
// p50 and p99 of the list (without list_id, and of the one list by id), the stats and two searches,
// one connection, sequential requests.
import fs from 'node:fs';
import path from 'node:path';
import { log } from '../clock.mjs';
import { request } from '../http.mjs';
import { memory } from '../probes.mjs';
import { listsOf, migratedDir, seed } from '../seeding.mjs';
import { ready, startApp, stopApp } from '../service.mjs';
import { summary, total } from '../stats.mjs';
import { wrk } from '../wrk.mjs';

export const GROWTH_QUERIES = [
  ['list', '/api/v1/todos'],
  ['list_one', '/api/v1/todos?list_id={inbox}'], // bench-user's default list, by id
  ['stats', '/api/v1/todos/stats'],
  ['search', '/api/v1/todos?q=quokka'],
  ['search_common', '/api/v1/todos?q=milk'],
];

/** The result count a list or search answer names, if any. */
function totalCount(body) {
  try {
    return JSON.parse(body).meta?.total_count ?? JSON.parse(body).total ?? null;
  } catch {
    return null; // not JSON
  }
}

/** p50 and p99 of one GET as sub over run.opt.runs sequential runs on one connection (after a warm-up). */
export async function measureQuery(run, app, size, name, p, sub = 'bench-user') {
  const check = await request(app.port, 'GET', p, { sub, timeout: 30000 });
  if (check.status !== 200) {
    log(`growth ${size} ${name}: answered ${check.status}, not measured`);
    return { path: p, status: check.status, body: check.body?.slice(0, 200) };
  }
  const env = { BENCH_PATH: p, BENCH_USER: sub };
  await wrk(run, app, 'path', { duration: 2, connections: 1, threads: 1, env, label: `growth-warm-${size}-${name}` });
  const xs = [];
  for (let r = 0; r < run.opt.runs; r++) {
    xs.push(await wrk(run, app, 'path', { duration: run.opt.growthDuration, connections: 1, threads: 1, env, label: `growth-${size}-${name}-r${r + 1}` }));
  }
  const q = {
    path: p,
    status: check.status,
    total: totalCount(check.body),
    p50_ms: summary(xs.map((x) => x.p50_ms)),
    p99_ms: summary(xs.map((x) => x.p99_ms)),
    rps: summary(xs.map((x) => x.rps)),
    errors: total(xs, 'errors'),
    load: xs.map((x) => x.load[0]),
  };
  log(`growth ${size} ${name}: status ${check.status}, p50 ${q.p50_ms?.median?.toFixed(2)} ms, p99 ${q.p99_ms?.median?.toFixed(2)} ms`);
  return q;
}

export async function growth(run) {
  const dir = await migratedDir(run, 'growth');
  const db = path.join(dir, 'todo.db');
  const app = await startApp(run, dir, { name: 'growth' });
  await ready(app);
  const sizes = {};
  let have = 0;
  try {
    // JIT warm-up on another user's 1,000 to-dos first: measured cold, the smallest size looks
    // slow and every ratio looks good.
    seed(db, 'warm-user', 1000, { rare: 0 });
    const warmInbox = (await listsOf(app, 'warm-user'))[0].id;
    for (const [name, p] of GROWTH_QUERIES) {
      await wrk(run, app, 'path', { duration: run.opt.warmup * 2, env: { BENCH_PATH: p.replace('{inbox}', warmInbox), BENCH_USER: 'warm-user' }, label: `growth-jit-${name}` });
    }
    for (const size of run.opt.sizes) {
      log(`growth: seeding to ${size.toLocaleString('en')} to-dos`);
      const seed_s = seed(db, 'bench-user', size - have, { rare: have === 0 ? 10 : 0 });
      have = size;
      const inbox = (await listsOf(app, 'bench-user'))[0].id;
      const q = {};
      for (const [name, p] of GROWTH_QUERIES) q[name] = await measureQuery(run, app, size, name, p.replace('{inbox}', inbox));
      const wal = fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0;
      sizes[size] = { seed_s, db_mb: (fs.statSync(db).size + wal) / 1048576, queries: q };
    }
    return { sizes, memory: memory(app) };
  } finally {
    await stopApp(app);
  }
}
