// Lists: a user with 20 lists, 10 of their own and 10 shared with them (editor and viewer in turn),
// holding 100,000 to-dos in total: the page across every list they can read (GET /api/v1/todos
// without list_id), a deep page of it, and one list's page by id: p50 and p99 on one connection;
// then their throughput at 64 connections, each round divided by that round's floor (health).
import path from 'node:path';
import { log, now, sleep } from '../clock.mjs';
import { request } from '../http.mjs';
import { listsOf, migratedDir, seed } from '../seeding.mjs';
import { ready, startApp, stopApp } from '../service.mjs';
import { roundsSummary } from '../stats.mjs';
import { wrk } from '../wrk.mjs';
import { measureQuery } from './growth.mjs';

export const LISTS_USER = 'bench-multi';
export const LISTS_SHARER = 'bench-sharer';

export const LISTS_QUERIES = [
  ['across', 'GET /api/v1/todos (page 1 of 20 across 20 lists)', '/api/v1/todos'],
  ['across_deep', 'GET /api/v1/todos?page=50 (across 20 lists)', '/api/v1/todos?page=50'],
  ['one', 'GET /api/v1/todos?list_id= (page 1 of one list of 5,000)', '/api/v1/todos?list_id={inbox}'],
];

/** Scenarios of the 64-connection rounds: the floor first, as in `throughput`. */
const LOADS = [['health', 'health', {}], ['across', 'path', {}], ['one', 'path', {}]];

/**
 * Waits until the health route answers within 20 ms twice running (at most 30 s): wrk stops with
 * requests still queued in the service, and the next run would start behind them.
 */
async function settle(app) {
  const t0 = now();
  let quick = 0;
  while (quick < 2 && now() - t0 < 30000) {
    const t = now();
    const r = await request(app.port, 'GET', '/api/v1/health', { timeout: 30000 });
    quick = r.status === 200 && now() - t < 20 ? quick + 1 : 0;
    if (quick < 2) await sleep(50);
  }
}

export async function lists(run) {
  const opt = run.opt;
  const dir = await migratedDir(run, 'lists');
  const db = path.join(dir, 'todo.db');
  log(`lists: seeding ${LISTS_USER} (10 lists) and ${LISTS_SHARER} (10 lists shared with ${LISTS_USER}), 50,000 to-dos each`);
  const seed_s = seed(db, LISTS_USER, 50000, { lists: 10 }) + seed(db, LISTS_SHARER, 50000, { lists: 10, share: `${LISTS_USER}:mixed` });
  const app = await startApp(run, dir, { name: 'lists' });
  await ready(app);
  try {
    const readable = await listsOf(app, LISTS_USER);
    const inbox = readable.find((l) => l.owner === LISTS_USER && l.name === 'Inbox').id;
    const paths = Object.fromEntries(LISTS_QUERIES.map(([name, , p]) => [name, p.replace('{inbox}', inbox)]));
    const fixture = {
      lists: readable.length,
      own: readable.filter((l) => l.role === 'owner').length,
      todos: readable.reduce((a, l) => a + l.todo_count, 0),
      seed_s,
    };
    log(`lists: ${LISTS_USER} reads ${fixture.lists} lists (${fixture.own} own), ${fixture.todos.toLocaleString('en')} to-dos`);
    // JIT warm-up of every query before the latency runs, at 4 connections: at 64 the slow page
    // across lists leaves a backlog that the next request waits behind.
    for (const [name] of LISTS_QUERIES) {
      await wrk(run, app, 'path', { duration: opt.warmup, connections: 4, env: { BENCH_PATH: paths[name], BENCH_USER: LISTS_USER }, label: `lists-jit-${name}` });
    }
    await settle(app);
    const latency = {};
    for (const [name, title] of LISTS_QUERIES) {
      latency[name] = { title, ...(await measureQuery(run, app, 'lists', name, paths[name], LISTS_USER)) };
    }
    const envOf = (name) => (name === 'health' ? {} : { BENCH_PATH: paths[name], BENCH_USER: LISTS_USER });
    const rounds = [];
    for (let r = 0; r < opt.runs; r++) {
      const round = {};
      for (const [name, mode] of LOADS) {
        await settle(app);
        round[name] = await wrk(run, app, mode, { env: envOf(name), label: `lists-r${r + 1}-${name}` });
        log(`lists round ${r + 1} ${name}: ${round[name].rps.toFixed(0)} req/s, p50 ${round[name].p50_ms.toFixed(1)} ms, errors ${round[name].errors}, load ${round[name].load[0]}`);
      }
      rounds.push(round);
    }
    const load = {};
    for (const [name] of LOADS) load[name] = roundsSummary(rounds, name);
    return { fixture, latency, load, rounds };
  } finally {
    await stopApp(app);
  }
}
