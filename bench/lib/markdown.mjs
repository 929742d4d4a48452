// The Markdown table of a result: the machine, the targets with their verdicts, one part per section.
import { GROWTH_QUERIES } from './sections/growth.mjs';
import { SYNC_CHANGES } from './sections/sync.mjs';
import { LISTS_QUERIES, LISTS_USER } from './sections/lists.mjs';

import { countsChecked, fmt, fs3, pct, verdict } from './format.mjs';
import { growthSideBySide, instancesPart, throughputSideBySide } from './markdown-engines.mjs';

// Each part returns its lines and the targets it measured: [target, measured, met (null: not measured)].

function startupPart(s) {
  const L = [];
  L.push('## Startup (exec to first 200, existing database with 10,000 to-dos)', '');
  L.push('| | GET /api/v1/health | authenticated GET /api/v1/todos | CPU time to that list (ms) | RSS at that point (MB) |', '|---|---|---|---|---|');
  L.push(`| plain JVM | ${fs3(s.plain.health_ms)} ms | ${fs3(s.plain.list_ms)} ms | ${fs3(s.plain.cpu_ms)} | ${fs3(s.plain.rss_mb)} |`);
  L.push(`| JDK 25 AOT cache | ${fs3(s.aot.health_ms)} ms | ${fs3(s.aot.list_ms)} ms | ${fs3(s.aot.cpu_ms)} | ${fs3(s.aot.rss_mb)} |`);
  L.push(`| AOT / plain | ${fmt(s.ratio_health, 2)} | ${fmt(s.ratio_list, 2)} | | |`, '');
  L.push(`AOT cache: ${fmt(s.aot_cache_mb)} MB${s.aot_training_s ? `, trained in ${fmt(s.aot_training_s)} s` : ' (reused)'}. Load during the runs: ${[...s.plain.runs, ...s.aot.runs].map((x) => x.load[0]).join(', ')}.`, '');
  const aotList = s.aot.list_ms?.median;
  const targets = [
    ['AOT startup ≤ 0.5 × plain (to first authenticated list)', s.ratio_list != null ? `${fmt(s.ratio_list, 2)} ×` : 'list route missing', s.ratio_list == null ? null : s.ratio_list <= 0.5],
    ['exec to the first authenticated list ≤ 0.5 s with the AOT cache', aotList != null ? `${fmt(aotList)} ms` : 'list route missing', aotList == null ? null : aotList <= 500],
  ];
  return { lines: L, targets };
}

function jvmPart(jvm, m) {
  const L = [];
  L.push(`## JVM flags: collectors and heap sizes under the same load (container of ${m.max_ram}; other flags as bin/jvm.options; one run each)`, '');
  L.push('| configuration | startup to health (ms) | floor req/s | list req/s | list p99 (ms) | list CPU/req (ms) | POST req/s | POST CPU/req (ms) | RSS after (MB) | peak RSS (MB) | heap committed (MB) |', '|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [name, c] of Object.entries(jvm)) {
    L.push(`| ${name} (\`${c.flags.join(' ')}\`) | ${fs3(c.startup_ms)} | ${fs3(c.health_rps)} | ${fs3(c.list_rps)} | ${fs3(c.list_p99_ms, 1)} | ${fs3(c.list_cpu_ms, 2)} | ${fs3(c.post_rps)} | ${fs3(c.post_cpu_ms, 2)} | ${fs3(c.rss_mb)} | ${fs3(c.hwm_mb)} | ${fs3(c.heap_committed_mb)} |`);
  }
  L.push('');
  return { lines: L, targets: [] };
}

function throughputPart(t, options) {
  const L = [];
  L.push(`## Throughput and latency, ${options.connections} connections`, '');
  L.push('| scenario | req/s | ratio to floor | p50 (ms) | p99 (ms) | service CPU per request (ms) | errors (non-2xx) / requests | load |', '|---|---|---|---|---|---|---|---|');
  for (const s of Object.values(t.scenarios)) {
    L.push(`| ${s.title} | ${fs3(s.rps)} | ${pct(s.ratio_to_floor)} | ${fs3(s.p50_ms, 1)} | ${fs3(s.p99_ms, 1)} | ${fs3(s.cpu_ms_per_req, 2)} | ${s.errors} (${s.non2xx}) / ${fmt(s.requests)} | ${s.load.join(', ')} |`);
  }
  L.push('');
  L.push('Reads at 70 % of their peak throughput, paced (Poisson arrivals on a schedule, see bench/README.md):', '');
  L.push('| read | target req/s | achieved req/s | p50 (ms) | p99 (ms) | errors |', '|---|---|---|---|---|---|');
  for (const [k, p] of Object.entries(t.paced)) {
    L.push(`| ${t.scenarios[k].title} | ${fmt(p.target_rps)} | ${fs3(p.achieved_rps)} | ${fs3(p.p50_ms, 2)} | ${fs3(p.p99_ms, 2)} | ${p.errors} |`);
  }
  const mem = t.memory_after_load;
  L.push('', `Memory after the load runs: RSS ${fmt(mem.rss_mb)} MB (peak ${fmt(mem.hwm_mb)} MB), heap used ${fmt(mem.heap_used_mb)} MB of ${fmt(mem.heap_committed_mb)} MB committed, ${fmt(mem.after_full_gc?.heap_used_mb)} MB live after a full GC. Seeded counts against the stats and total_count: ${countsChecked(t.verified)}.`, '');
  return { lines: L, targets: throughputTargets(t) };
}

/** The throughput section's targets for one engine's results. */
export function throughputTargets(t) {
  const sc = t.scenarios;
  const mem = t.memory_after_load;
  const errors = Object.values(sc).reduce((a, s) => a + s.errors, 0);
  const p99 = Math.max(...Object.values(t.paced).map((p) => p.p99_ms?.median ?? Infinity));
  return [
    ['GET /api/v1/todos ≥ 50 % of the floor', pct(sc.list.ratio_to_floor), sc.list.ratio_to_floor?.median >= 0.5],
    ['POST /api/v1/todos ≥ 25 % of the floor', pct(sc.post.ratio_to_floor), sc.post.ratio_to_floor?.median >= 0.25],
    ['0 errors in the load runs', `${errors}`, errors === 0],
    ['read p99 ≤ 10 ms at 70 % of peak', `${fmt(p99, 2)} ms (worst of list, get)`, p99 <= 10],
    ['RSS ≤ 256 MB after the load runs', `${fmt(mem.rss_mb)} MB`, mem.rss_mb <= 256],
  ];
}

function floorPart(f) {
  const L = [];
  L.push('## Framework floor: GET /api/v1/health of the service against a minimal Micronaut app (bench/floor, `select 1`), side by side', '');
  L.push('| app | req/s | p50 (ms) | p99 (ms) | service CPU per request (ms) | errors | RSS after (MB) |', '|---|---|---|---|---|---|---|');
  for (const name of ['floor', 'service']) {
    const x = f[name];
    L.push(`| ${name} | ${fs3(x.rps)} | ${fs3(x.p50_ms, 1)} | ${fs3(x.p99_ms, 1)} | ${fs3(x.cpu_ms_per_req, 3)} | ${x.errors} | ${fmt(x.rss_mb)} |`);
  }
  L.push('', `Service / floor, per round: throughput ${pct(f.ratio)}, CPU per request ${fs3(f.cpu_ratio, 2)} ×. Load: ${f.load.join(', ')}.`, '');
  return { lines: L, targets: [['health ≥ 80 % of the framework floor (same run)', pct(f.ratio), f.ratio ? f.ratio.median >= 0.8 : null]] };
}

function memoryPart(mem) {
  const L = [];
  L.push(`## Memory: RSS during ${mem.seconds} s of the mix (64 connections) from a fresh start`, '');
  L.push('| variant | peak RSS (MB) | RSS at the end (MB) | anon / file at the end (MB) | RSS when ready (MB) | mix req/s | p99 (ms) | CPU/req (ms) | errors | load |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const [name, v] of Object.entries(mem.variants)) {
    L.push(`| ${name} | ${fs3(v.peak_rss_mb)} | ${fs3(v.rss_end_mb)} | ${fmt(v.rss_anon_end_mb?.median)} / ${fmt(v.rss_file_end_mb?.median)} | ${fs3(v.rss_at_ready_mb)} | ${fs3(v.rps)} | ${fs3(v.p99_ms, 1)} | ${fs3(v.cpu_ms_per_req, 2)} | ${v.errors} | ${v.load.join(', ')} |`);
  }
  const c = mem.nmt.committed_mb || {};
  const top = Object.entries(c).filter(([k, x]) => k !== 'Total' && x >= 0.5).sort((a, b) => b[1] - a[1]);
  L.push('', `Native Memory Tracking after the minute (machine's memory; RSS ${fmt(mem.nmt.rss_end_mb)} MB, peak ${fmt(mem.nmt.peak_rss_mb)} MB, NMT's own overhead included): committed ${fmt(c.Total)} MB = ${top.map(([k, x]) => `${k} ${fmt(x, 1)}`).join(', ')}. Not tracked by NMT: memory the native libraries malloc (SQLite's page caches) and glibc's arenas.`, '');
  const worst = Math.max(...Object.values(mem.variants).map((v) => v.peak_rss_mb?.median ?? Infinity));
  return { lines: L, targets: [['peak RSS ≤ 150 MiB during a minute of the mix, whatever the machine\'s memory', `${fmt(worst)} MiB (worst variant)`, worst <= 150]] };
}

/** The p50 at the largest size over the p50 at the smallest, or null when a size did not answer. */
export function growthRatio(g, name) {
  const sizes = Object.keys(g.sizes);
  const first = g.sizes[sizes[0]].queries[name];
  const last = g.sizes[sizes.at(-1)].queries[name];
  return first.status === 200 && last.status === 200 ? last.p50_ms.median / first.p50_ms.median : null;
}

/** The growth section's targets for one engine's results. */
export function growthTargets(g) {
  const sizes = Object.keys(g.sizes);
  return GROWTH_QUERIES.filter(([name]) => name !== 'search_common').map(([name]) => {
    const ratio = growthRatio(g, name);
    return [`${fmt(Number(sizes.at(-1)))}-to-do ${name} latency ≤ 1.5 × the ${fmt(Number(sizes[0]))}-to-do one`, ratio == null ? 'route missing' : `${fmt(ratio, 2)} ×`, ratio == null ? null : ratio <= 1.5];
  });
}

function growthPart(g) {
  const L = [];
  const sizes = Object.keys(g.sizes);
  L.push('## Growth: one user holding more to-dos (1 connection, sequential requests)', '');
  L.push(`| query | ${sizes.map((s) => `${fmt(Number(s))} p50 / p99 (ms)`).join(' | ')} | largest / smallest (p50) |`, `|---|${sizes.map(() => '---|').join('')}---|`);
  for (const [name, p] of GROWTH_QUERIES) {
    const cells = sizes.map((s) => {
      const q = g.sizes[s].queries[name];
      return q.status === 200 ? `${fs3(q.p50_ms, 2)} / ${fmt(q.p99_ms?.median, 2)}${q.total != null && name.startsWith('search') ? ` (${fmt(q.total)} hits)` : ''}` : `answered ${q.status}`;
    });
    L.push(`| \`${p}\` | ${cells.join(' | ')} | ${fmt(growthRatio(g, name), 2)} |`);
  }
  L.push('', `Seeding (one transaction, straight into SQLite): ${sizes.map((s) => `${fmt(Number(s))} in ${fmt(g.sizes[s].seed_s, 1)} s, file ${fmt(g.sizes[s].db_mb)} MB, counts ${countsChecked(g.sizes[s].verified)}`).join('; ')}.`, '');
  return { lines: L, targets: growthTargets(g) };
}

function listsPart(s) {
  const L = [];
  const f = s.fixture;
  L.push(`## Lists: ${LISTS_USER} reading ${fmt(f.lists)} lists (${fmt(f.own)} own, ${fmt(f.lists - f.own)} shared), ${fmt(f.todos)} to-dos in total`, '');
  L.push('One connection, sequential requests:', '', '| query | p50 (ms) | p99 (ms) | total_count |', '|---|---|---|---|');
  for (const [name, title] of LISTS_QUERIES) {
    const q = s.latency[name];
    L.push(q.status === 200 ? `| ${title} | ${fs3(q.p50_ms, 2)} | ${fs3(q.p99_ms, 2)} | ${fmt(q.total)} |` : `| ${title} | answered ${q.status} | | |`);
  }
  L.push('', `64 connections, ${s.rounds.length} rounds (each divided by its round's floor):`, '');
  L.push('| scenario | req/s | ratio to floor | p50 (ms) | p99 (ms) | service CPU per request (ms) | errors / requests | load |', '|---|---|---|---|---|---|---|---|');
  const titles = { health: 'GET /api/v1/health (HTTP floor)', ...Object.fromEntries(LISTS_QUERIES.map(([n, t]) => [n, t])) };
  for (const [name, x] of Object.entries(s.load)) {
    L.push(`| ${titles[name]} | ${fs3(x.rps)} | ${pct(x.ratio_to_floor)} | ${fs3(x.p50_ms, 1)} | ${fs3(x.p99_ms, 1)} | ${fs3(x.cpu_ms_per_req, 2)} | ${x.errors} / ${fmt(x.requests)} | ${x.load.join(', ')} |`);
  }
  L.push('', `Seeding: ${fmt(f.seed_s, 1)} s.`, '');
  const across = s.latency.across;
  const p50 = across.status === 200 ? across.p50_ms.median : null;
  const targets = [
    [`GET /api/v1/todos across ${fmt(f.lists)} lists / ${fmt(f.todos)} to-dos: p50 ≤ 5 ms`, p50 == null ? `answered ${across.status}` : `${fmt(p50, 2)} ms`, p50 == null ? null : p50 <= 5],
    ['list page across lists ≥ 50 % of the floor (64 connections)', pct(s.load.across.ratio_to_floor), s.load.across.ratio_to_floor ? s.load.across.ratio_to_floor.median >= 0.5 : null],
    ['list page of one list by id ≥ 50 % of the floor (64 connections)', pct(s.load.one.ratio_to_floor), s.load.one.ratio_to_floor ? s.load.one.ratio_to_floor.median >= 0.5 : null],
  ];
  return { lines: L, targets };
}

function syncPart(s) {
  const L = [`## Sync: ${fmt(s.todos)} to-dos in one list (1 connection, sequential requests)`, ''];
  L.push('| sync since a cursor | p50 (ms) | p99 (ms) | entities |', '|---|---|---|---|');
  L.push(`| no change | ${fs3(s.none.p50_ms, 2)} | ${fs3(s.none.p99_ms, 2)} | 0 |`);
  L.push(`| ${fmt(SYNC_CHANGES)} to-dos changed | ${fs3(s.changed.p50_ms, 2)} | ${fs3(s.changed.p99_ms, 2)} | ${fmt(s.changed.entities)} |`);
  L.push('', `Full sync to get the cursor: ${fmt(s.full_sync.pages)} pages of 1,000 in ${fmt(s.full_sync.seconds, 1)} s. Seeding: ${fmt(s.seed_s, 1)} s.`, '');
  const none = s.none.p50_ms?.median;
  const changed = s.changed.p50_ms?.median;
  return {
    lines: L,
    targets: [
      [`sync without changes, ${fmt(s.todos)} to-dos: p50 ≤ 2 ms`, `${fmt(none, 2)} ms`, none == null ? null : none <= 2],
      [`sync with ${fmt(SYNC_CHANGES)} changes: p50 ≤ 5 ms`, `${fmt(changed, 2)} ms`, changed == null ? null : changed <= 5],
    ],
  };
}

function uploadsPart(uploads) {
  const L = ['## Uploads and downloads', ''];
  if (uploads.missing || uploads.error) {
    L.push(`Not measured: ${uploads.missing || uploads.error}.`, '');
    return { lines: L, targets: [['upload heap growth < 5 MB for 100 MiB', 'not measured', null]] };
  }
  L.push('| size | upload (s) | download (s) | heap growth after GC (MB) | heap peak over baseline (MB) | RSS growth (MB) | statuses |', '|---|---|---|---|---|---|---|');
  for (const [k, u] of Object.entries(uploads)) {
    L.push(`| ${k} | ${fs3(u.upload_s, 2)} | ${fs3(u.download_s, 2)} | ${fs3(u.heap_growth_mb, 1)} | ${fs3(u.heap_peak_over_baseline_mb, 1)} | ${fs3(u.rss_growth_mb, 1)} | ${u.statuses.join(' ')} |`);
  }
  L.push('');
  const u = uploads['100MiB'];
  return { lines: L, targets: [['upload heap growth < 5 MB for 100 MiB', `${fmt(u.heap_growth_mb.median, 1)} MB`, u.heap_growth_mb.median < 5]] };
}

export function markdown(r) {
  const m = r.machine;
  const S = r.sections;
  const L = [];
  L.push(`# Benchmark ${r.started_at.slice(0, 10)} at ${m.commit}${m.dirty ? ' (dirty)' : ''}`, '');
  L.push(`Machine: ${m.nproc} CPUs (${m.cpu_model}), ${m.memory_gb} GB RAM, Linux ${m.kernel}; ${m.jdk}; ${m.wrk}.`);
  L.push(`JVM options: \`${m.jvm_options.join(' ')}\` plus \`-XX:MaxRAM=${m.max_ram}\` (the memory limit of a small container).`);
  if (r.postgres) L.push(`PostgreSQL: ${r.postgres.version}, a cluster of its own on loopback (\`${Object.entries(r.postgres.settings).map(([k, v]) => `${k}=${v}`).join(' ')}\`), the service's pool ${r.postgres.pool_size} connections.`);
  L.push(`Load average at start: ${m.load_at_start.join(' / ')} (the machine is shared; the 1-minute load is shown per run). Each figure is the median of ${r.options.runs} runs with (min–max). Mode: ${r.options.quick ? 'quick' : 'full'}; ${r.options.duration} s per throughput run, ${r.options.connections} connections, ${r.options.threads} wrk threads.`, '');

  const parts = [];
  if (S.startup && !S.startup.error) parts.push(startupPart(S.startup));
  if (S.jvm && !S.jvm.error) parts.push(jvmPart(S.jvm, m));
  if (S.throughput && !S.throughput.error) parts.push(S.throughput.engines ? throughputSideBySide(S.throughput, r.options, throughputTargets) : throughputPart(S.throughput, r.options));
  if (S.floor && !S.floor.error) parts.push(floorPart(S.floor));
  if (S.memory && !S.memory.error) parts.push(memoryPart(S.memory));
  if (S.growth && !S.growth.error) parts.push(S.growth.engines ? growthSideBySide(S.growth, growthTargets) : growthPart(S.growth));
  if (S.lists && !S.lists.error) parts.push(listsPart(S.lists));
  if (S.uploads) parts.push(uploadsPart(S.uploads));
  if (S.sync && !S.sync.error) parts.push(syncPart(S.sync));
  if (S.instances && !S.instances.error) parts.push(instancesPart(S.instances, r.options));
  const targets = parts.flatMap((part) => part.targets);

  L.push('## Targets (issues 6, 12, 14 and 18)', '', '| target | measured | verdict |', '|---|---|---|', ...targets.map(([t, measured, ok]) => `| ${t} | ${measured} | ${verdict(ok)} |`), '');
  for (const part of parts) L.push(...part.lines);
  for (const [k, v] of Object.entries(S)) {
    if (v?.error) L.push(`Section ${k} failed: ${v.error}`, '');
  }
  return L.join('\n');
}
