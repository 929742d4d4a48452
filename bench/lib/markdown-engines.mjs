// The parts of the Markdown table for runs on several engines (--engines): throughput and growth
// with one column per engine, and the two instances on one PostgreSQL database.
import { ENGINE_TITLES } from './engines.mjs';
import { countsChecked, fmt, fs3, pct } from './format.mjs';
import { GROWTH_QUERIES } from './sections/growth.mjs';
import { INSTANCE_SCENARIOS } from './sections/instances.mjs';

const title = (e) => ENGINE_TITLES[e] ?? e;
const header = (cols) => [`| ${cols.join(' | ')} |`, `|${cols.map(() => '---|').join('')}`];
/** Each engine's targets, named after it. */
const named = (engines, targetsOf) => engines.flatMap((e) => targetsOf(e).map(([t, m, ok]) => [`${t} (${title(e)})`, m, ok]));

/** CPU per request of the service, plus the database's processes when it has its own. */
function cpu(s) {
  const db = s.db_cpu_ms_per_req?.median;
  return db == null ? fmt(s.cpu_ms_per_req?.median, 2) : `${fmt(s.cpu_ms_per_req?.median, 2)} + ${fmt(db, 2)}`;
}

export function throughputSideBySide(t, options, throughputTargets) {
  const engines = Object.keys(t.engines);
  const E = t.engines;
  const base = t.versus.base;
  const others = engines.filter((e) => e !== base);
  const modes = Object.keys(E[base].scenarios);
  const L = [];
  L.push(`## Throughput and latency, ${options.connections} connections: ${engines.map(title).join(' and ')} side by side`, '');
  L.push(`One application per engine, both started before the first run; the rounds alternate between the engines (${engines.map(title).join(' first, then ')} in round 1, the other way round in round 2, …). Ratio to floor: each engine's req/s over its own \`GET /api/v1/health\` in the same round (the health route asks the database, so each floor is its engine's). ${others.map(title).join(', ')} / ${title(base)}: the two req/s of the same round, divided.`, '');
  L.push(...header(['scenario', ...engines.flatMap((e) => [`${title(e)} req/s`, `${title(e)} ratio to floor`]), ...others.map((e) => `${title(e)} / ${title(base)}`)]));
  for (const m of modes) {
    const cells = engines.flatMap((e) => [fs3(E[e].scenarios[m].rps), pct(E[e].scenarios[m].ratio_to_floor)]);
    const vs = others.map((e) => pct(t.versus.ratios[e][m]));
    L.push(`| ${E[base].scenarios[m].title} | ${cells.join(' | ')} | ${vs.join(' | ')} |`);
  }
  L.push('', 'Latency, CPU and errors of the same runs (CPU per request: the service\'s JVM, + PostgreSQL\'s processes for PostgreSQL):', '');
  L.push(...header(['scenario', ...engines.flatMap((e) => [`${title(e)} p50 / p99 (ms)`, `${title(e)} CPU per request (ms)`]), 'errors (non-2xx) / requests', 'load']));
  for (const m of modes) {
    const cells = engines.flatMap((e) => {
      const s = E[e].scenarios[m];
      return [`${fs3(s.p50_ms, 1)} / ${fmt(s.p99_ms?.median, 1)}`, cpu(s)];
    });
    const errors = engines.map((e) => `${E[e].scenarios[m].errors} (${E[e].scenarios[m].non2xx}) / ${fmt(E[e].scenarios[m].requests)}`).join('; ');
    const load = engines.map((e) => E[e].scenarios[m].load.join(', ')).join('; ');
    L.push(`| ${E[base].scenarios[m].title} | ${cells.join(' | ')} | ${errors} | ${load} |`);
  }
  L.push('', 'Reads at 70 % of each engine\'s own peak, paced (bench/README.md, "Constant rate"):', '');
  L.push(...header(['read', ...engines.flatMap((e) => [`${title(e)} target → achieved req/s`, `${title(e)} p50 / p99 (ms)`])]));
  for (const k of Object.keys(E[base].paced)) {
    const cells = engines.flatMap((e) => {
      const p = E[e].paced[k];
      return [`${fmt(p.target_rps)} → ${fmt(p.achieved_rps?.median)}`, `${fs3(p.p50_ms, 2)} / ${fs3(p.p99_ms, 2)}${p.errors ? ` (${p.errors} errors)` : ''}`];
    });
    L.push(`| ${E[base].scenarios[k].title} | ${cells.join(' | ')} |`);
  }
  L.push('');
  for (const e of engines) {
    const mem = E[e].memory_after_load;
    L.push(`${title(e)}: RSS after the load runs ${fmt(mem.rss_mb)} MB (peak ${fmt(mem.hwm_mb)} MB), ${fmt(mem.after_full_gc?.heap_used_mb)} MB of heap live after a full GC; seeded counts against the stats and total_count: ${countsChecked(E[e].verified)}.`, '');
  }
  return { lines: L, targets: named(engines, (e) => throughputTargets(E[e])) };
}

export function growthSideBySide(g, growthTargets) {
  const engines = Object.keys(g.engines);
  const E = g.engines;
  const sizes = Object.keys(E[engines[0]].sizes);
  const L = [];
  L.push(`## Growth: one user holding more to-dos (1 connection, sequential requests), ${engines.map(title).join(' and ')} side by side`, '');
  L.push('Each cell: p50 (min–max) / p99 in ms; the last row of each query is the p50 at the largest size over the p50 at the smallest.', '');
  L.push(...header(['query', 'to-dos', ...engines.map(title)]));
  for (const [name, p] of GROWTH_QUERIES) {
    for (const size of sizes) {
      const cells = engines.map((e) => {
        const q = E[e].sizes[size]?.queries[name];
        if (!q) return '–';
        if (q.status !== 200) return `answered ${q.status}`;
        return `${fs3(q.p50_ms, 2)} / ${fmt(q.p99_ms?.median, 2)}${q.total != null && name.startsWith('search') ? ` (${fmt(q.total)} hits)` : ''}`;
      });
      L.push(`| \`${p}\` | ${fmt(Number(size))} | ${cells.join(' | ')} |`);
    }
    const ratios = engines.map((e) => {
      const q0 = E[e].sizes[sizes[0]].queries[name];
      const q1 = E[e].sizes[sizes.at(-1)].queries[name];
      return q0.status === 200 && q1.status === 200 ? `${fmt(q1.p50_ms.median / q0.p50_ms.median, 2)} ×` : '–';
    });
    L.push(`| \`${p}\` | largest / smallest | ${ratios.join(' | ')} |`);
  }
  L.push('');
  for (const e of engines) {
    L.push(`Seeding ${title(e)} (one transaction, straight into the database with bench/tools/Seed.java): ${sizes.map((s) => `to ${fmt(Number(s))} in ${fmt(E[e].sizes[s].seed_s, 1)} s, database ${fmt(E[e].sizes[s].db_mb)} MB, counts ${countsChecked(E[e].sizes[s].verified)}`).join('; ')}.`, '');
  }
  return { lines: L, targets: named(engines, (e) => growthTargets(E[e])) };
}

export function instancesPart(s, options) {
  const L = [];
  const half = Math.max(1, Math.floor(options.connections / 2));
  L.push(`## Two instances on one PostgreSQL database (pool of ${s.pool_size} connections each)`, '');
  L.push(`One instance alone: one wrk, ${options.connections} connections, 2 threads. Two instances: two wrk processes at once, ${half} connections and 1 thread each, one per instance (the same load in total). Both instances run throughout; alone and pair alternate which goes first. p50 / p99 of the pair: the worse of the two wrk runs. CPU per request: the services' JVMs + PostgreSQL's processes. On 2 cores the JVMs, PostgreSQL and wrk share the same two CPUs.`, '');
  L.push(...header(['scenario', 'one instance req/s', 'p50 / p99 (ms)', 'CPU per request (ms)', 'two instances req/s (each, median round)', 'p50 / p99 (ms)', 'CPU per request (ms)', 'two / one (same round)', 'errors (non-2xx) one; two', 'load one; two']));
  for (const [mode] of INSTANCE_SCENARIOS) {
    const x = s.scenarios[mode];
    const each = x.pair.per_instance_rps;
    const mid = each[Math.floor(each.length / 2)] ?? [];
    L.push(`| ${x.title} | ${fs3(x.alone.rps)} | ${fs3(x.alone.p50_ms, 1)} / ${fmt(x.alone.p99_ms?.median, 1)} | ${cpu(x.alone)} | ${fs3(x.pair.rps)} (${mid.map((v) => fmt(v)).join(' + ')}) | ${fs3(x.pair.p50_ms, 1)} / ${fmt(x.pair.p99_ms?.median, 1)} | ${cpu(x.pair)} | ${pct(x.pair_over_alone)} | ${x.alone.errors} (${x.alone.non2xx}); ${x.pair.errors} (${x.pair.non2xx}) | ${x.alone.load.join(', ')}; ${x.pair.load.join(', ')} |`);
  }
  const c = s.counts;
  L.push('', `Counts after the measured runs (both instances wrote all along): wrk counted ${fmt(c.created_201)} answers 201; the database holds ${fmt(c.rows_created)} more live to-dos (${fmt(c.unanswered)} of them created by POSTs whose answer wrk had not read when it stopped, at most one per connection of each run: ${fmt(c.unanswered_bound)}); the sum of the users' \`GET /api/v1/todos/stats\` totals grew by ${fmt(c.stats_total_change)} to ${fmt(c.stats_total_after)} (rows: ${fmt(c.rows_after)}). Against the rows, in SQL: ${fmt(c.lists_with_wrong_counters)} lists with wrong counters, ${fmt(c.wrong_due_counts)} wrong due counts, ${fmt(c.duplicate_positions)} duplicate positions, ${fmt(c.shared_change_numbers)} change numbers shared by two to-dos, ${fmt(c.change_numbers_past_the_clock)} past the sync clock. Seeded counts before the load: ${countsChecked(s.fixture.verified)}.`, '');
  return {
    lines: L,
    targets: [['two instances on one PostgreSQL database: counters, due counts, positions and change numbers exact after concurrent writes (issue 17)', c.ok ? 'exact' : 'not exact', c.ok]],
  };
}
