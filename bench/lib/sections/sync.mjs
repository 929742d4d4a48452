// Sync: bench-user holding 100,000 to-dos in one list, read by GET /api/v1/sync: a sync with no
// change since its cursor, and one with 100 changed to-dos (the target: p50 ≤ 2 ms and ≤ 5 ms),
// one connection, sequential requests. The cursor comes from a full sync followed to its end.
import { log } from '../clock.mjs';
import { request } from '../http.mjs';
import { migratedDir, seed } from '../seeding.mjs';
import { ready, startApp, stopApp } from '../service.mjs';
import { measureQuery } from './growth.mjs';

export const SYNC_TODOS = 100000;
export const SYNC_CHANGES = 100;
const USER = 'bench-user';

/** Follows a full sync to its end; returns its last cursor, the to-do ids seen and the seconds. */
async function fullSync(app) {
  const started = process.hrtime.bigint();
  const ids = [];
  let cursor = null;
  let pages = 0;
  for (;;) {
    const p = `/api/v1/sync?limit=1000${cursor ? `&cursor=${cursor}` : ''}`;
    const reply = await request(app.port, 'GET', p, { sub: USER, timeout: 60000 });
    if (reply.status !== 200) throw new Error(`full sync answered ${reply.status}: ${reply.body?.slice(0, 200)}`);
    const page = JSON.parse(reply.body);
    pages++;
    for (const todo of page.todos) if (ids.length < SYNC_CHANGES) ids.push(todo.id);
    cursor = page.cursor;
    if (!page.has_more) break;
  }
  return { cursor, ids, pages, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

export async function sync(run) {
  const dir = await migratedDir(run, 'sync');
  const app = await startApp(run, dir, { name: 'sync' });
  await ready(app);
  try {
    const seed_s = seed(`${dir}/todo.db`, USER, SYNC_TODOS, { rare: 0 });
    const full = await fullSync(app);
    log(`sync: full sync of ${SYNC_TODOS} to-dos in ${full.pages} pages, ${full.seconds.toFixed(1)} s`);
    const none = await measureQuery(run, app, SYNC_TODOS, 'sync_none', `/api/v1/sync?cursor=${full.cursor}`, USER);
    for (const [i, id] of full.ids.entries()) {
      const body = JSON.stringify({ title: `Changed for the sync ${i}` });
      const reply = await request(app.port, 'PATCH', `/api/v1/todos/${id}`, { sub: USER, body });
      if (reply.status !== 200) throw new Error(`PATCH answered ${reply.status}`);
    }
    const changed = await measureQuery(run, app, SYNC_TODOS, 'sync_changed', `/api/v1/sync?cursor=${full.cursor}`, USER);
    const answer = JSON.parse((await request(app.port, 'GET', `/api/v1/sync?cursor=${full.cursor}`, { sub: USER })).body);
    return {
      todos: SYNC_TODOS,
      seed_s,
      full_sync: { pages: full.pages, seconds: full.seconds },
      none,
      changed: { ...changed, entities: answer.todos.length + answer.lists.length + answer.steps.length },
    };
  } finally {
    await stopApp(app);
  }
}
