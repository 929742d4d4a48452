// Growth: bench-user holding more and more to-dos (seeded into the running service's database):
// p50 and p99 of the list (without list_id, and of the one list by id), the stats and two searches,
// one connection, sequential requests. With several engines (--engines) one application per
// engine, all started first; at each size the engines take their turn (alternating who goes first).
import { log } from '../clock.mjs';
import { databaseMb, migratedDatabase, startOn } from '../engines.mjs';
import { request } from '../http.mjs';
import { memory } from '../probes.mjs';
import { addExpected, listsOf, seedCounted, verifyCounts } from '../seeding.mjs';
import { ready, stopApp } from '../service.mjs';
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

/** One engine's application on an empty database, with its JIT warmed on warm-user's 1,000 to-dos. */
async function startLane(run, engine) {
  const db = await migratedDatabase(run, engine, 'growth');
  const app = await startOn(run, db, { name: `growth-${engine}` });
  const lane = { engine, db, app, target: engine === 'sqlite' ? db.file : db.url, expected: {}, sizes: {}, have: 0 };
  await ready(app);
  // JIT warm-up on another user's 1,000 to-dos first: measured cold, the smallest size looks
  // slow and every ratio looks good.
  addExpected(lane.expected, seedCounted(lane.target, 'warm-user', 1000, { rare: 0 }).added);
  const warmInbox = (await listsOf(app, 'warm-user'))[0].id;
  for (const [name, p] of GROWTH_QUERIES) {
    await wrk(run, app, 'path', { duration: run.opt.warmup * 2, env: { BENCH_PATH: p.replace('{inbox}', warmInbox), BENCH_USER: 'warm-user' }, label: `growth-jit-${engine}-${name}` });
  }
  return lane;
}

/** Seeds the lane's bench-user up to size, checks the counts, measures the queries. */
async function measureSize(run, lane, size) {
  log(`growth ${lane.engine}: seeding to ${size.toLocaleString('en')} to-dos`);
  const seeded = seedCounted(lane.target, 'bench-user', size - lane.have, { rare: lane.have === 0 ? 10 : 0 });
  addExpected(lane.expected, seeded.added);
  lane.have = size;
  const verified = await verifyCounts(lane.app, lane.expected);
  const inbox = (await listsOf(lane.app, 'bench-user'))[0].id;
  const q = {};
  for (const [name, p] of GROWTH_QUERIES) q[name] = await measureQuery(run, lane.app, `${lane.engine}-${size}`, name, p.replace('{inbox}', inbox));
  lane.sizes[size] = { seed_s: seeded.seconds, db_mb: databaseMb(lane.db), verified, queries: q };
}

export async function growth(run) {
  const lanes = [];
  try {
    for (const engine of run.opt.engines) lanes.push(await startLane(run, engine));
    // Size by size, the engines in turn (the first one first at the first size, last at the next).
    for (const [i, size] of run.opt.sizes.entries()) {
      for (const lane of i % 2 ? [...lanes].reverse() : lanes) await measureSize(run, lane, size);
    }
    const results = {};
    for (const lane of lanes) {
      results[lane.engine] = { engine: lane.engine, sizes: lane.sizes, memory: memory(lane.app) };
      await stopApp(lane.app);
    }
    return lanes.length === 1 ? results[lanes[0].engine] : { engines: results };
  } finally {
    for (const lane of lanes) await stopApp(lane.app);
  }
}
