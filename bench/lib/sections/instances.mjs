// Two instances on one PostgreSQL database (no writer lease there): the throughput section's mix
// and its POST scenario on one instance alone (64 connections, 2 wrk threads) against both at once
// (two wrk processes, 32 connections and 1 thread each, one per instance: the same load in total),
// round by round in the same run; then whether the counters are exact after all those concurrent
// writes: the statuses wrk counted (201s), the rows in the database, the stats the service
// answers, and the derived data checked against the rows in SQL (counters, due counts, positions,
// change numbers). On 2 cores the two JVMs, PostgreSQL and wrk share the same CPUs: this measures
// correctness and the shape of the load, not scale-out.
import fs from 'node:fs';
import path from 'node:path';
import { log, sleep } from '../clock.mjs';
import { migratedDatabase, startOn } from '../engines.mjs';
import { request } from '../http.mjs';
import { cpuMs, procStatus } from '../probes.mjs';
import { addExpected, seedCounted, verifyCounts } from '../seeding.mjs';
import { ready, stopApp } from '../service.mjs';
import { runsSummary, summary, total } from '../stats.mjs';
import { wrk } from '../wrk.mjs';

export const INSTANCE_SCENARIOS = [
  ['mix', 'mix 80 % reads / 20 % writes, 100 users', { BENCH_USERS: '100' }],
  ['post', 'POST /api/v1/todos (bench-writer)', {}],
];

const WRITER = 'bench-writer';

/** The SQL checks of the derived data against the rows; each counts what is wrong (0: exact). */
function sqlChecks(cluster, db, sinceChange) {
  const q = (sql) => Number(cluster.psql(db, sql));
  return {
    lists_with_wrong_counters: q(`SELECT count(*) FROM lists l
      WHERE l.todo_count <> (SELECT count(*) FROM todos t WHERE t.list_seq = l.seq AND t.deleted_at IS NULL)
         OR l.active_count <> (SELECT count(*) FROM todos t WHERE t.list_seq = l.seq AND t.deleted_at IS NULL AND t.completed = 0)`),
    wrong_due_counts: q(`SELECT count(*) FROM
      (SELECT list_seq, due_date, count(*) AS n FROM todos
        WHERE deleted_at IS NULL AND completed = 0 AND due_date IS NOT NULL GROUP BY list_seq, due_date) r
      FULL JOIN (SELECT list_seq, due_date, active_count AS n FROM active_due_counts WHERE active_count > 0) c
      USING (list_seq, due_date) WHERE r.n IS DISTINCT FROM c.n`),
    duplicate_positions: q(`SELECT count(*) FROM (SELECT list_seq, position FROM todos
      WHERE deleted_at IS NULL GROUP BY list_seq, position HAVING count(*) > 1) d`),
    // Every write of the load touches one to-do: two to-dos with the same number since the load
    // began would be two writes that took one number.
    shared_change_numbers: q(`SELECT count(*) FROM (SELECT change_seq FROM todos WHERE change_seq > ${sinceChange}
      GROUP BY change_seq HAVING count(*) > 1) d`),
    change_numbers_past_the_clock: q('SELECT count(*) FROM todos WHERE change_seq > (SELECT latest FROM sync_clock)'),
  };
}

/** The sum of GET /api/v1/todos/stats totals (the counters) over the users. */
async function statsTotal(app, users) {
  let sum = 0;
  for (const sub of users) {
    const r = await request(app.port, 'GET', '/api/v1/todos/stats', { sub, timeout: 30000 });
    if (r.status !== 200) throw new Error(`stats of ${sub} answered ${r.status}`);
    sum += JSON.parse(r.body).total;
  }
  return sum;
}

const created = (x) => x.statuses?.['201'] ?? 0;

/**
 * The live to-dos once the writes still under way when wrk stopped (it does not wait for their
 * answers) have committed: the count no longer changes over half a second (at most 30 s).
 */
async function settledRows(cluster, db) {
  const rows = () => Number(cluster.psql(db, 'SELECT count(*) FROM todos WHERE deleted_at IS NULL'));
  let last = rows();
  for (let i = 0; i < 60; i++) {
    await sleep(500);
    const now = rows();
    if (now === last) return now;
    last = now;
  }
  return last;
}

export async function instances(run) {
  const opt = run.opt;
  const db = await migratedDatabase(run, 'postgres', 'instances');
  const cluster = db.cluster;
  const mixIds = path.join(run.tmp, 'ids-instances.txt');
  const seeded = seedCounted(db.url, 'user-%d:100', 100, { ids: mixIds, sample: 100 });
  const expected = addExpected({}, seeded.added);
  const users = [...Object.keys(expected), WRITER];
  const a = await startOn(run, db, { name: 'instances-a' });
  // The second instance on the same database, in a working directory of its own.
  fs.mkdirSync(`${db.dir}-b`, { recursive: true });
  const b = await startOn(run, { ...db, dir: `${db.dir}-b` }, { name: 'instances-b' });
  const all = { requests: 0, created: 0, connections: 0 };
  const env = (extra) => ({ BENCH_IDS: mixIds, BENCH_COUNT_STATUSES: '1', BENCH_WRITER: WRITER, ...extra });
  const counted = (...xs) => {
    for (const x of xs) {
      all.requests += x.requests;
      all.created += created(x);
    }
    return xs;
  };
  try {
    await ready(a);
    await ready(b);
    const verified = await verifyCounts(a, expected);
    log(`instances: seeded counts ${verified.ok ? 'match' : 'DIFFER'}`);
    log(`instances: warm-up ${opt.warmup} s per scenario on each instance`);
    for (const app of [a, b]) {
      for (const [mode, , extra] of INSTANCE_SCENARIOS) {
        counted(await wrk(run, app, mode, { duration: opt.warmup, env: env(extra), label: `instances-warmup-${app === a ? 'a' : 'b'}-${mode}` }));
        all.connections += opt.connections;
      }
    }
    const rowsBefore = await settledRows(cluster, db.db);
    const statsBefore = await statsTotal(a, users);
    const changeBefore = Number(cluster.psql(db.db, 'SELECT latest FROM sync_clock'));
    const createdBefore = all.created;
    const connectionsBefore = all.connections;
    const rounds = [];
    for (let r = 0; r < opt.runs; r++) {
      const round = {};
      for (const [mode, , extra] of INSTANCE_SCENARIOS) {
        const one = async () => {
          const [x] = counted(await wrk(run, a, mode, { env: env(extra), label: `instances-r${r + 1}-alone-${mode}` }));
          all.connections += opt.connections;
          return x;
        };
        const two = async () => {
          const half = Math.max(1, Math.floor(opt.connections / 2));
          const cpu0 = [cpuMs(a.pid), cpuMs(b.pid), cluster.cpuMs()];
          const xs = counted(...(await Promise.all([a, b].map((app, i) =>
            wrk(run, app, mode, { connections: half, threads: 1, env: env(extra), label: `instances-r${r + 1}-pair-${i ? 'b' : 'a'}-${mode}` })))));
          const cpu1 = [cpuMs(a.pid), cpuMs(b.pid), cluster.cpuMs()];
          all.connections += 2 * half;
          const requests = total(xs, 'requests');
          return {
            rps: xs[0].rps + xs[1].rps,
            requests,
            per_instance_rps: xs.map((x) => x.rps),
            p50_ms: Math.max(...xs.map((x) => x.p50_ms)),
            p99_ms: Math.max(...xs.map((x) => x.p99_ms)),
            cpu_ms_per_req: (cpu1[0] - cpu0[0] + cpu1[1] - cpu0[1]) / requests,
            db_cpu_ms_per_req: (cpu1[2] - cpu0[2]) / requests,
            errors: total(xs, 'errors'),
            non2xx: total(xs, 'non2xx'),
            created: xs.reduce((s, x) => s + created(x), 0),
            statuses: xs.map((x) => x.statuses),
            load: xs[0].load,
          };
        };
        // alone first in odd rounds, the pair first in even ones
        const order = r % 2 ? [['pair', two], ['alone', one]] : [['alone', one], ['pair', two]];
        round[mode] = {};
        for (const [k, f] of order) {
          round[mode][k] = await f();
          const x = round[mode][k];
          log(`instances round ${r + 1} ${mode} ${k}: ${x.rps.toFixed(0)} req/s, p99 ${x.p99_ms.toFixed(1)} ms, errors ${x.errors}, 201s ${created(x) || x.created || 0}, load ${x.load[0]}`);
        }
      }
      rounds.push(round);
    }
    const rowsAfter = await settledRows(cluster, db.db);
    const scenarios = {};
    for (const [mode, title] of INSTANCE_SCENARIOS) {
      const side = (k) => runsSummary(rounds.map((round) => round[mode][k]));
      scenarios[mode] = {
        title,
        alone: side('alone'),
        pair: { ...side('pair'), per_instance_rps: rounds.map((round) => round[mode].pair.per_instance_rps) },
        pair_over_alone: summary(rounds.map((round) => round[mode].pair.rps / round[mode].alone.rps)),
      };
    }
    const statsAfter = await statsTotal(b, users);
    const checks = sqlChecks(cluster, db.db, changeBefore);
    const createdCounted = all.created - createdBefore;
    const rowsCreated = rowsAfter - rowsBefore;
    const counts = {
      created_201: createdCounted,
      rows_created: rowsCreated,
      stats_total_change: statsAfter - statsBefore,
      stats_total_after: statsAfter,
      rows_after: rowsAfter,
      // POSTs whose answer wrk had not read when it stopped (it does not wait): committed, not counted
      unanswered: rowsCreated - createdCounted,
      unanswered_bound: all.connections - connectionsBefore,
      ...checks,
    };
    counts.ok = counts.stats_total_change === rowsCreated && counts.stats_total_after === rowsAfter
      && createdCounted <= rowsCreated && rowsCreated - createdCounted <= counts.unanswered_bound
      && Object.values(checks).every((n) => n === 0);
    log(`instances: ${createdCounted} 201s counted, ${rowsCreated} rows created, stats ${counts.stats_total_change}; checks ${JSON.stringify(checks)}: ${counts.ok ? 'exact' : 'NOT EXACT'}`);
    return {
      fixture: { seed_s: seeded.seconds, verified },
      pool_size: Number(process.env.TODO_DATABASE_POOL_SIZE || 4),
      scenarios,
      counts,
      rss_mb: [procStatus(a.pid).rss_mb, procStatus(b.pid).rss_mb],
      rounds,
    };
  } finally {
    await stopApp(a);
    await stopApp(b);
  }
}
