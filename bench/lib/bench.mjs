// The benchmark orchestrator, started by bench/run (which finds the JDK, builds the jar if stale
// and installs wrk). Starts the jar with a temporary data directory on loopback, drives it with
// wrk, and writes bench/results/<date>-<commit>.{json,md}; logs and wrk output go to
// bench/results/raw/<stamp>/ (git-ignored). See bench/README.md for what each section measures.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const JAR = path.join(ROOT, 'bootstrap/target/todo.jar');
const LUA = path.join(ROOT, 'bench/lua/todo.lua');
const SEED = path.join(ROOT, 'bench/tools/Seed.java');
const OPTIONS = path.join(ROOT, 'bin/jvm.options');
const JAVA = path.join(process.env.JAVA_HOME, 'bin/java');
const JCMD = path.join(process.env.JAVA_HOME, 'bin/jcmd');

// ---------------------------------------------------------------------------------------------
// Options
const ALL_SECTIONS = ['startup', 'jvm', 'throughput', 'growth', 'uploads'];
const opt = {
  quick: false,
  runs: 3,
  duration: 8, // seconds per throughput run
  warmup: 5,
  growthDuration: 4,
  connections: 64,
  threads: 2,
  port: Number(process.env.BENCH_PORT || 0),
  sections: null,
  maxRam: process.env.BENCH_MAX_RAM || '512m',
  sizes: [1000, 100000, 1000000],
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const next = () => argv[++i];
  if (a === '--quick') opt.quick = true;
  else if (a === '--runs') opt.runs = Number(next());
  else if (a === '--duration') opt.duration = Number(next());
  else if (a === '--port') opt.port = Number(next());
  else if (a === '--sections') opt.sections = next().split(',');
  else if (a === '--sizes') opt.sizes = next().split(',').map(Number);
  else if (a === '--max-ram') opt.maxRam = next();
  else if (a === '-h' || a === '--help') {
    console.log(fs.readFileSync(path.join(ROOT, 'bench/README.md'), 'utf8').split('\n## ')[1]);
    process.exit(0);
  } else {
    console.error(`unknown option ${a} (try --help)`);
    process.exit(2);
  }
}
if (opt.quick) {
  opt.duration = argv.includes('--duration') ? opt.duration : 3;
  opt.warmup = 2;
  opt.growthDuration = 2;
  if (!argv.includes('--sizes')) opt.sizes = [1000, 100000];
}
opt.sections ??= opt.quick ? ALL_SECTIONS.filter((s) => s !== 'jvm') : ALL_SECTIONS;

// ---------------------------------------------------------------------------------------------
// Small helpers
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => Number(process.hrtime.bigint() / 1000n) / 1000; // ms
const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);
const load = () => os.loadavg().map((x) => Number(x.toFixed(2)));

function median(xs) {
  const v = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
function summary(xs) {
  const v = xs.filter((x) => x != null && !Number.isNaN(x));
  if (!v.length) return null;
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length };
}

function freePort() {
  if (opt.port) return Promise.resolve(opt.port);
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function b64url(s) {
  return Buffer.from(s).toString('base64url');
}
function token(sub) {
  return `${b64url('{"alg":"none","typ":"JWT"}')}.${b64url(JSON.stringify({ sub, name: sub }))}.`;
}

function request(port, method, urlPath, { sub, body, headers = {}, timeout = 5000 } = {}) {
  return new Promise((resolve) => {
    const h = { ...headers, connection: 'close' };
    if (sub) h.authorization = `Bearer ${token(sub)}`;
    if (body != null && !h['content-type']) h['content-type'] = 'application/json';
    const req = http.request(
      { host: '127.0.0.1', port, method, path: urlPath, headers: h, timeout },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', (e) => resolve({ status: 0, error: e.code || String(e) }));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    if (body != null) req.write(typeof body === 'string' ? body : JSON.stringify(body));
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// The application under test
const RAW = path.join(ROOT, 'bench/results/raw', new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19));
fs.mkdirSync(RAW, { recursive: true });
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'todo-bench-'));
const running = new Set();
let appCounter = 0;

function jvmOptions() {
  // Emulates the memory limit of a small container, so that heap-by-percentage sizes like there.
  const extra = (process.env.BENCH_JAVA_OPTS || '').split(/\s+/).filter(Boolean);
  return [`@${OPTIONS}`, `-XX:MaxRAM=${opt.maxRam}`, ...extra];
}

async function startApp(dataDir, { extraOpts = [], env = {}, name = 'app', replaceOpts = null } = {}) {
  const port = await freePort();
  const logFile = path.join(RAW, `${name}-${++appCounter}.log`);
  const out = fs.openSync(logFile, 'w');
  const args = [...(replaceOpts ?? jvmOptions()), ...extraOpts, '-jar', JAR];
  const t0 = now();
  const child = spawn(JAVA, args, {
    cwd: dataDir,
    env: {
      ...process.env,
      PORT: String(port),
      TODO_DATABASE_URL: `jdbc:sqlite:${path.join(dataDir, 'todo.db')}`,
      TODO_LOG_FORMAT: 'json',
      ...env,
    },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const app = { child, pid: child.pid, port, t0, logFile, exited: null, args };
  child.on('exit', (code, signal) => {
    app.exited = { code, signal };
    running.delete(app);
  });
  running.add(app);
  return app;
}

async function stopApp(app) {
  if (app.exited) return;
  const done = new Promise((r) => app.child.once('exit', r));
  app.child.kill('SIGTERM');
  const timer = setTimeout(() => app.child.kill('SIGKILL'), 20000);
  await done;
  clearTimeout(timer);
}

/** Polls until the route answers 200; returns the ms from exec, or null after the deadline. */
async function firstOk(app, urlPath, sub, deadlineMs = 120000) {
  let last;
  while (now() - app.t0 < deadlineMs) {
    if (app.exited) throw new Error(`the app exited (${JSON.stringify(app.exited)}); see ${app.logFile}`);
    last = await request(app.port, 'GET', urlPath, { sub, timeout: 10000 });
    if (last.status === 200) return now() - app.t0;
    if (last.status && last.status !== 503) return { status: last.status, body: last.body?.slice(0, 200) };
    await sleep(5);
  }
  throw new Error(`no 200 from ${urlPath} within ${deadlineMs} ms (last ${JSON.stringify(last)})`);
}

async function ready(app) {
  const t = await firstOk(app, '/api/v1/health');
  if (typeof t !== 'number') throw new Error(`health answered ${JSON.stringify(t)}`);
  return t;
}

function procStatus(pid) {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number((s.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm')) || [])[1]);
  return { rss_mb: kb('VmRSS') / 1024, hwm_mb: kb('VmHWM') / 1024, rss_anon_mb: kb('RssAnon') / 1024, rss_file_mb: kb('RssFile') / 1024 };
}

/** Heap used and committed (MB) from `jcmd GC.heap_info`, optionally after a full GC. */
function heap(pid, { gc = false } = {}) {
  try {
    if (gc) execFileSync(JCMD, [String(pid), 'GC.run'], { stdio: 'pipe', timeout: 30000 });
    const text = execFileSync(JCMD, [String(pid), 'GC.heap_info'], { encoding: 'utf8', timeout: 30000 });
    let used = 0;
    let committed = 0;
    for (const line of text.split('\n')) {
      if (/^\s*(DefNew|Tenured|def new generation|tenured generation|garbage-first heap|PSYoungGen|ParOldGen|ZHeap|Shenandoah)/i.test(line)) {
        const u = line.match(/used (\d+)K/);
        const c = line.match(/committed (\d+)K/) || line.match(/total (\d+)K/);
        if (u) used += Number(u[1]);
        if (c) committed += Number(c[1]);
      }
    }
    return { heap_used_mb: used / 1024, heap_committed_mb: committed / 1024 };
  } catch (e) {
    return { heap_error: String(e.message).slice(0, 200) };
  }
}

/** Committed MB per category of Native Memory Tracking, when the JVM runs with it. */
function nativeMemory(pid) {
  try {
    const text = execFileSync(JCMD, [String(pid), 'VM.native_memory', 'summary'], { encoding: 'utf8', timeout: 30000 });
    const out = {};
    for (const m of text.matchAll(/^-?\s*([A-Za-z][\w ]*?) \(reserved=\d+KB, committed=(\d+)KB/gm)) out[m[1].trim()] = Number(m[2]) / 1024;
    const total = text.match(/Total: reserved=\d+KB, committed=(\d+)KB/);
    if (total) out.Total = Number(total[1]) / 1024;
    return Object.keys(out).length ? out : undefined;
  } catch {
    return undefined;
  }
}

function memory(app) {
  const nmt = app.args.some((a) => a.startsWith('-XX:NativeMemoryTracking')) ? nativeMemory(app.pid) : undefined;
  return { ...procStatus(app.pid), ...heap(app.pid), nmt, after_full_gc: heap(app.pid, { gc: true }) };
}

/** CPU time (user + system) the process has used, in ms (clock ticks of 10 ms). */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Load generation
let wrkCounter = 0;
function wrk(app, mode, { duration = opt.duration, connections = opt.connections, threads = opt.threads, env = {}, label = mode } = {}) {
  return new Promise((resolve, reject) => {
    const wrkThreads = Math.min(threads, connections);
    const args = ['-t', String(wrkThreads), '-c', String(connections), '-d', `${duration}s`,
      '--timeout', '10s', '-s', LUA, `http://127.0.0.1:${app.port}`];
    const before = load();
    const cpu0 = cpuMs(app.pid);
    const child = spawn('wrk', args, {
      env: { ...process.env, BENCH_MODE: mode, BENCH_THREADS: String(wrkThreads), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      fs.writeFileSync(path.join(RAW, `wrk-${String(++wrkCounter).padStart(3, '0')}-${label}.txt`), out);
      const line = out.split('\n').find((l) => l.startsWith('BENCHJSON '));
      if (code !== 0 || !line) return reject(new Error(`wrk ${label} failed (${code}): ${out.slice(-500)}`));
      const r = JSON.parse(line.slice('BENCHJSON '.length));
      const e = r.errors;
      const cpu1 = cpuMs(app.pid);
      resolve({
        cpu_ms_per_req: cpu0 != null && cpu1 != null && r.requests ? (cpu1 - cpu0) / r.requests : null,
        rps: r.requests / (r.duration_us / 1e6),
        requests: r.requests,
        p50_ms: r.latency_us.p50 / 1000,
        p90_ms: r.latency_us.p90 / 1000,
        p99_ms: r.latency_us.p99 / 1000,
        max_ms: r.latency_us.max / 1000,
        errors: e.connect + e.read + e.write + e.status + e.timeout,
        non2xx: e.status,
        socket_errors: e.connect + e.read + e.write + e.timeout,
        load: before,
      });
    });
    child.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------
// Databases
function seed(db, owner, count, { ids = null, sample = 10000, rare = 10 } = {}) {
  const args = ['--enable-native-access=ALL-UNNAMED', '-cp', JAR, SEED, db, owner, String(count)];
  if (ids) args.push(ids, String(sample));
  const t0 = now();
  execFileSync(JAVA, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SEED_RARE: String(rare) } });
  return (now() - t0) / 1000;
}

/** A data directory whose database the application has migrated (started once, stopped). */
async function migratedDir(name) {
  const dir = path.join(TMP, name);
  fs.mkdirSync(dir, { recursive: true });
  const app = await startApp(dir, { name: `migrate-${name}` });
  await ready(app);
  await stopApp(app);
  return dir;
}

let fixture = null;
/** bench-user with 10,000 to-dos, user-1 … user-100 with 100 each; ids files beside it. */
async function throughputFixture() {
  if (fixture) return fixture;
  log('preparing the throughput database (10,000 to-dos of bench-user, 100 users x 100)');
  const dir = await migratedDir('fixture');
  const db = path.join(dir, 'todo.db');
  const ids = path.join(TMP, 'ids-bench-user.txt');
  const mixIds = path.join(TMP, 'ids-mix.txt');
  const seconds = seed(db, 'bench-user', 10000, { ids }) + seed(db, 'user-%d:100', 100, { ids: mixIds, sample: 100 });
  fixture = { dir, db, ids, mixIds, seed_s: seconds };
  return fixture;
}

function copyDir(from, name) {
  const to = path.join(TMP, name);
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
  return to;
}

// ---------------------------------------------------------------------------------------------
// Sections
const result = {
  started_at: new Date().toISOString(),
  options: { ...opt },
  machine: machine(),
  sections: {},
  timing: {},
};

function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    return `${(e.stdout || '').trim()}${(e.stderr || '').trim()}`.trim() || null;
  }
}

function machine() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const mem = fs.readFileSync('/proc/meminfo', 'utf8');
  return {
    nproc: Number(sh('nproc', [])),
    cpu_model: (cpuinfo.match(/^model name\s*:\s*(.*)$/m) || [])[1] ?? os.cpus()[0]?.model,
    memory_gb: Number((Number(mem.match(/MemTotal:\s+(\d+)/)[1]) / 1048576).toFixed(1)),
    kernel: os.release(),
    jdk: spawnSync(JAVA, ['-version'], { encoding: 'utf8' }).stderr.trim().split('\n').slice(1, 3).join(' / '),
    wrk: (sh('wrk', ['-v']) || '').split('\n')[0],
    commit: sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
    dirty: !!sh('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no']),
    jvm_options: fs.readFileSync(OPTIONS, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')),
    max_ram: opt.maxRam,
    load_at_start: load(),
  };
}

async function sectionStartup() {
  const fx = await throughputFixture();
  const aotCache = path.join(ROOT, 'bootstrap/target/todo.aot');
  const key = sh('bash', ['-c', `cd "${ROOT}" && source bin/jdk.sh && source bin/aot.sh && todo_aot_options bootstrap/target/todo.jar`]);
  let training_s = null;
  if (!key) {
    log('training the AOT cache (bin/train-aot)');
    const t0 = now();
    execFileSync(path.join(ROOT, 'bin/train-aot'), [], { stdio: ['ignore', 'ignore', 'inherit'] });
    training_s = (now() - t0) / 1000;
  }
  const variants = {
    plain: [],
    aot: [`-XX:AOTCache=${aotCache}`, '-XX:AOTMode=on'], // "on": fail loudly rather than measure without it
  };
  const runs = { plain: [], aot: [] };
  for (let r = 0; r < opt.runs; r++) {
    for (const v of r % 2 ? ['aot', 'plain'] : ['plain', 'aot']) {
      const dir = copyDir(fx.dir, `startup-${v}`);
      const app = await startApp(dir, { extraOpts: variants[v], name: `startup-${v}` });
      const l = load();
      const health = await firstOk(app, '/api/v1/health');
      const list = await firstOk(app, '/api/v1/todos', 'bench-user');
      const mem = procStatus(app.pid);
      await stopApp(app);
      runs[v].push({ health_ms: health, list_ms: typeof list === 'number' ? list : null, list_answer: typeof list === 'number' ? 200 : list, rss_mb: mem.rss_mb, load: l });
      log(`startup ${v}: health ${health.toFixed(0)} ms, list ${typeof list === 'number' ? list.toFixed(0) + ' ms' : JSON.stringify(list)}`);
    }
  }
  const s = {};
  for (const v of Object.keys(runs)) {
    s[v] = {
      health_ms: summary(runs[v].map((x) => x.health_ms)),
      list_ms: summary(runs[v].map((x) => x.list_ms)),
      rss_mb: summary(runs[v].map((x) => x.rss_mb)),
      runs: runs[v],
    };
  }
  const ratio = (k) => (s.aot[k] && s.plain[k] ? s.aot[k].median / s.plain[k].median : null);
  return { ...s, ratio_health: ratio('health_ms'), ratio_list: ratio('list_ms'), aot_training_s: training_s, aot_cache_mb: fs.statSync(aotCache).size / 1048576 };
}

const SCENARIOS = [
  ['health', 'GET /api/v1/health (HTTP floor)', {}],
  ['list', 'GET /api/v1/todos (page 1 of 20, 10,000 to-dos)', {}],
  ['get', 'GET /api/v1/todos/{id}', { ids: true }],
  ['post', 'POST /api/v1/todos', {}],
  ['patch', 'PATCH /api/v1/todos/{id}', { ids: true }],
  ['stats', 'GET /api/v1/todos/stats', {}],
  ['mix', 'mix 80 % reads / 20 % writes, 100 users', { mix: true }],
];

function scenarioEnv(fx, extra) {
  return extra.mix ? { BENCH_IDS: fx.mixIds, BENCH_USERS: '100' } : { BENCH_IDS: fx.ids };
}

async function sectionThroughput() {
  const fx = await throughputFixture();
  const dir = copyDir(fx.dir, 'throughput');
  const app = await startApp(dir, { name: 'throughput' });
  await ready(app);
  try {
    log(`throughput: warm-up ${opt.warmup} s per scenario`);
    for (const [mode, , extra] of SCENARIOS) {
      await wrk(app, mode, { duration: opt.warmup, env: scenarioEnv(fx, extra), label: `warmup-${mode}` });
    }
    const rounds = [];
    for (let r = 0; r < opt.runs; r++) {
      const round = {};
      for (const [mode, , extra] of SCENARIOS) {
        round[mode] = await wrk(app, mode, { env: scenarioEnv(fx, extra), label: `r${r + 1}-${mode}` });
        log(`round ${r + 1} ${mode}: ${round[mode].rps.toFixed(0)} req/s, p99 ${round[mode].p99_ms.toFixed(1)} ms, errors ${round[mode].errors}, load ${round[mode].load[0]}`);
      }
      rounds.push(round);
    }
    const memAfter = memory(app);
    const scenarios = {};
    for (const [mode, title] of SCENARIOS) {
      const xs = rounds.map((round) => round[mode]);
      scenarios[mode] = {
        title,
        rps: summary(xs.map((x) => x.rps)),
        ratio_to_floor: summary(rounds.map((round) => round[mode].rps / round.health.rps)),
        p50_ms: summary(xs.map((x) => x.p50_ms)),
        p99_ms: summary(xs.map((x) => x.p99_ms)),
        cpu_ms_per_req: summary(xs.map((x) => x.cpu_ms_per_req)),
        errors: xs.reduce((a, x) => a + x.errors, 0),
        non2xx: xs.reduce((a, x) => a + x.non2xx, 0),
        requests: xs.reduce((a, x) => a + x.requests, 0),
        load: xs.map((x) => x.load[0]),
      };
    }
    // Reads at 70 % of their peak, paced (see bench/README.md, "Constant rate").
    const paced = {};
    for (const mode of ['list', 'get']) {
      const rate = Math.round(0.7 * scenarios[mode].rps.median);
      const env = { ...scenarioEnv(fx, {}), BENCH_RATE: String(rate) };
      // Steady state, not the recovery from the saturating runs (or the full GC of the memory
      // reading) just before: one paced run at the same rate, not counted.
      await wrk(app, mode, { duration: opt.warmup, env, label: `paced-warm-${mode}` });
      const xs = [];
      for (let r = 0; r < opt.runs; r++) {
        xs.push(await wrk(app, mode, { env, label: `paced-r${r + 1}-${mode}` }));
        log(`paced ${mode} at ${rate} req/s: achieved ${xs.at(-1).rps.toFixed(0)}, p99 ${xs.at(-1).p99_ms.toFixed(1)} ms`);
      }
      paced[mode] = {
        target_rps: rate,
        achieved_rps: summary(xs.map((x) => x.rps)),
        p50_ms: summary(xs.map((x) => x.p50_ms)),
        p99_ms: summary(xs.map((x) => x.p99_ms)),
        errors: xs.reduce((a, x) => a + x.errors, 0),
      };
    }
    return { scenarios, paced, memory_after_load: memAfter, rounds };
  } finally {
    await stopApp(app);
  }
}

async function sectionJvm() {
  // Candidate collectors for a small container, same database and load. Each config once per run.
  const fx = await throughputFixture();
  const base = fs.readFileSync(OPTIONS, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean)
    .filter((l) => !/^-XX:\+Use\w+GC$/.test(l) && !/RAMPercentage/.test(l));
  // Below the JVM's default maximum heap (128 MB) a percentage takes effect only with
  // MinRAMPercentage too: for "small" memory the JVM uses MinRAMPercentage (default 50).
  const configs = {
    'serial-15': ['-XX:+UseSerialGC', '-XX:MaxRAMPercentage=15', '-XX:MinRAMPercentage=15'],
    'serial-25': ['-XX:+UseSerialGC', '-XX:MaxRAMPercentage=25', '-XX:MinRAMPercentage=25'],
    'serial-75': ['-XX:+UseSerialGC', '-XX:MaxRAMPercentage=75', '-XX:MinRAMPercentage=75'],
    'g1-25': ['-XX:+UseG1GC', '-XX:MaxRAMPercentage=25', '-XX:MinRAMPercentage=25'],
  };
  const out = {};
  for (const [name, gc] of Object.entries(configs)) {
    const rows = [];
    for (let r = 0; r < 1; r++) {
      const dir = copyDir(fx.dir, `jvm-${name}`);
      const duration = Math.min(opt.duration, 5);
      const app = await startApp(dir, { replaceOpts: [...base, ...gc, `-XX:MaxRAM=${opt.maxRam}`], name: `jvm-${name}` });
      const startup = await ready(app);
      const res = {};
      for (const mode of ['health', 'list', 'post']) {
        await wrk(app, mode, { duration: opt.warmup, env: { BENCH_IDS: fx.ids }, label: `jvm-warm-${name}-${mode}` });
        res[mode] = await wrk(app, mode, { duration, env: { BENCH_IDS: fx.ids }, label: `jvm-${name}-${mode}` });
      }
      const mem = memory(app);
      await stopApp(app);
      rows.push({ startup_ms: startup, ...Object.fromEntries(Object.entries(res).flatMap(([m, x]) => [[`${m}_rps`, x.rps], [`${m}_p99_ms`, x.p99_ms], [`${m}_cpu_ms`, x.cpu_ms_per_req]])), ...mem });
      log(`jvm ${name}: list ${res.list.rps.toFixed(0)} req/s, post ${res.post.rps.toFixed(0)}, rss ${mem.rss_mb.toFixed(0)} MB`);
    }
    out[name] = {
      flags: gc,
      startup_ms: summary(rows.map((x) => x.startup_ms)),
      health_rps: summary(rows.map((x) => x.health_rps)),
      list_rps: summary(rows.map((x) => x.list_rps)),
      list_p99_ms: summary(rows.map((x) => x.list_p99_ms)),
      post_rps: summary(rows.map((x) => x.post_rps)),
      list_cpu_ms: summary(rows.map((x) => x.list_cpu_ms)),
      post_cpu_ms: summary(rows.map((x) => x.post_cpu_ms)),
      rss_mb: summary(rows.map((x) => x.rss_mb)),
      hwm_mb: summary(rows.map((x) => x.hwm_mb)),
      heap_committed_mb: summary(rows.map((x) => x.heap_committed_mb)),
      runs: rows,
    };
  }
  return out;
}

const GROWTH_QUERIES = [
  ['list', '/api/v1/todos'],
  ['stats', '/api/v1/todos/stats'],
  ['search', '/api/v1/todos?q=quokka'],
  ['search_common', '/api/v1/todos?q=milk'],
];

async function sectionGrowth() {
  const dir = await migratedDir('growth');
  const db = path.join(dir, 'todo.db');
  const app = await startApp(dir, { name: 'growth' });
  await ready(app);
  const sizes = {};
  let have = 0;
  try {
    // JIT warm-up on another user's 1,000 to-dos first: measured cold, the smallest size looks
    // slow and every ratio looks good.
    seed(db, 'warm-user', 1000, { rare: 0 });
    for (const [name, p] of GROWTH_QUERIES) {
      await wrk(app, 'path', { duration: opt.warmup * 2, env: { BENCH_PATH: p, BENCH_USER: 'warm-user' }, label: `growth-jit-${name}` });
    }
    for (const size of opt.sizes) {
      log(`growth: seeding to ${size.toLocaleString('en')} to-dos`);
      const seed_s = seed(db, 'bench-user', size - have, { rare: have === 0 ? 10 : 0 });
      have = size;
      const q = {};
      for (const [name, p] of GROWTH_QUERIES) {
        const check = await request(app.port, 'GET', p, { sub: 'bench-user' });
        if (check.status !== 200) {
          q[name] = { path: p, status: check.status, body: check.body?.slice(0, 200) };
          log(`growth ${size} ${name}: answered ${check.status}, not measured`);
          continue;
        }
        const env = { BENCH_PATH: p };
        await wrk(app, 'path', { duration: 2, connections: 1, threads: 1, env, label: `growth-warm-${size}-${name}` });
        const xs = [];
        for (let r = 0; r < opt.runs; r++) {
          xs.push(await wrk(app, 'path', { duration: opt.growthDuration, connections: 1, threads: 1, env, label: `growth-${size}-${name}-r${r + 1}` }));
        }
        let total = null;
        try {
          total = JSON.parse(check.body).meta?.total_count ?? JSON.parse(check.body).total ?? null;
        } catch {
          /* not JSON */
        }
        q[name] = {
          path: p,
          status: check.status,
          total,
          p50_ms: summary(xs.map((x) => x.p50_ms)),
          p99_ms: summary(xs.map((x) => x.p99_ms)),
          rps: summary(xs.map((x) => x.rps)),
          errors: xs.reduce((a, x) => a + x.errors, 0),
          load: xs.map((x) => x.load[0]),
        };
        log(`growth ${size} ${name}: status ${check.status}, p50 ${q[name].p50_ms?.median?.toFixed(2)} ms, p99 ${q[name].p99_ms?.median?.toFixed(2)} ms`);
      }
      const wal = fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0;
      sizes[size] = { seed_s, db_mb: (fs.statSync(db).size + wal) / 1048576, queries: q };
    }
    return { sizes, memory: memory(app) };
  } finally {
    await stopApp(app);
  }
}

async function sectionUploads() {
  const dir = await migratedDir('uploads');
  const max = 110 * 1048576;
  const app = await startApp(dir, { name: 'uploads', env: { TODO_ATTACHMENTS_MAX_BYTES: String(max) } });
  await ready(app);
  try {
    const created = await request(app.port, 'POST', '/api/v1/todos', { sub: 'bench-user', body: { title: 'upload target' } });
    if (created.status !== 201) return { missing: `POST /api/v1/todos answered ${created.status}` };
    const id = JSON.parse(created.body).id;
    const probe = await request(app.port, 'GET', `/api/v1/todos/${id}/attachments`, { sub: 'bench-user' });
    if (probe.status !== 200) return { missing: `GET /api/v1/todos/{id}/attachments answered ${probe.status}: attachments are not on this build` };
    const out = {};
    for (const mib of [10, 100]) {
      const file = path.join(TMP, `upload-${mib}.bin`);
      execFileSync('head', ['-c', String(mib * 1048576), '/dev/urandom'], { stdio: ['ignore', fs.openSync(file, 'w'), 'inherit'] });
      const xs = [];
      for (let r = 0; r < opt.runs; r++) {
        const before = { ...procStatus(app.pid), ...heap(app.pid, { gc: true }) };
        const sampler = sampleHeap(app.pid);
        const auth = `Authorization: Bearer ${token('bench-user')}`;
        const up = sh('curl', ['-s', '-o', path.join(RAW, `upload-${mib}-${r}.json`), '-w', '%{http_code} %{time_total}', '-H', auth, '-F', `file=@${file};type=application/octet-stream`, `http://127.0.0.1:${app.port}/api/v1/todos/${id}/attachments`]);
        const [upStatus, upTime] = up.split(' ');
        let attachment = null;
        try {
          attachment = JSON.parse(fs.readFileSync(path.join(RAW, `upload-${mib}-${r}.json`), 'utf8'));
        } catch {
          /* error body */
        }
        let downStatus = null;
        let downTime = null;
        if (attachment?.id) {
          const down = sh('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{time_total}', '-H', auth, `http://127.0.0.1:${app.port}/api/v1/todos/${id}/attachments/${attachment.id}/content`]);
          [downStatus, downTime] = down.split(' ');
        }
        const peak = await sampler.stop();
        const after = { ...procStatus(app.pid), ...heap(app.pid, { gc: true }) };
        if (attachment?.id) {
          await request(app.port, 'DELETE', `/api/v1/todos/${id}/attachments/${attachment.id}`, { sub: 'bench-user' });
        }
        xs.push({
          upload_status: Number(upStatus), upload_s: Number(upTime), download_status: Number(downStatus), download_s: Number(downTime),
          heap_growth_mb: after.heap_used_mb - before.heap_used_mb,
          heap_peak_over_baseline_mb: peak - before.heap_used_mb,
          rss_growth_mb: after.rss_mb - before.rss_mb,
          rss_after_mb: after.rss_mb,
        });
        log(`upload ${mib} MiB: ${upStatus} in ${upTime} s, download ${downStatus} in ${downTime} s, heap growth ${xs.at(-1).heap_growth_mb.toFixed(1)} MB`);
      }
      fs.rmSync(file);
      const k = (f) => summary(xs.map((x) => x[f]));
      out[`${mib}MiB`] = {
        upload_s: k('upload_s'), download_s: k('download_s'), heap_growth_mb: k('heap_growth_mb'),
        heap_peak_over_baseline_mb: k('heap_peak_over_baseline_mb'), rss_growth_mb: k('rss_growth_mb'),
        statuses: xs.map((x) => `${x.upload_status}/${x.download_status}`), runs: xs,
      };
    }
    return out;
  } finally {
    await stopApp(app);
  }
}

/** Samples the used heap every 100 ms (jstat reads the JVM's perf data: no safepoint, no attach). */
function sampleHeap(pid) {
  const child = spawn(path.join(process.env.JAVA_HOME, 'bin/jstat'), ['-gc', String(pid), '100'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let max = 0;
  let header = null;
  let buf = '';
  child.stdout.on('data', (d) => {
    buf += d;
    const lines = buf.split('\n');
    buf = lines.pop();
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      if (cols[0] === 'S0C') header = cols;
      else if (header) {
        const v = (n) => Number(cols[header.indexOf(n)]) || 0;
        max = Math.max(max, (v('S0U') + v('S1U') + v('EU') + v('OU')) / 1024);
      }
    }
  });
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await sleep(50);
      return max;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Report
const fmt = (x, d = 0) => (x == null ? '–' : Number(x).toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d }));
const fs3 = (s, d = 0) => (s ? `${fmt(s.median, d)} (${fmt(s.min, d)}–${fmt(s.max, d)})` : '–');
const pct = (s) => (s ? `${fmt(s.median * 100)} % (${fmt(s.min * 100)}–${fmt(s.max * 100)})` : '–');
const verdict = (ok) => (ok == null ? 'not measured' : ok ? '**met**' : '**missed**');

function markdown(r) {
  const m = r.machine;
  const S = r.sections;
  const L = [];
  L.push(`# Benchmark ${r.started_at.slice(0, 10)} at ${m.commit}${m.dirty ? ' (dirty)' : ''}`, '');
  L.push(`Machine: ${m.nproc} CPUs (${m.cpu_model}), ${m.memory_gb} GB RAM, Linux ${m.kernel}; ${m.jdk}; ${m.wrk}.`);
  L.push(`JVM options: \`${m.jvm_options.join(' ')}\` plus \`-XX:MaxRAM=${m.max_ram}\` (the memory limit of a small container).`);
  L.push(`Load average at start: ${m.load_at_start.join(' / ')} (the machine is shared; the 1-minute load is shown per run). Each figure is the median of ${r.options.runs} runs with (min–max). Mode: ${r.options.quick ? 'quick' : 'full'}; ${r.options.duration} s per throughput run, ${r.options.connections} connections, ${r.options.threads} wrk threads.`, '');
  const head = L.length;

  const targets = [];
  if (S.startup && !S.startup.error) {
    const s = S.startup;
    L.push('## Startup (exec to first 200, existing database with 10,000 to-dos)', '');
    L.push('| | GET /api/v1/health | authenticated GET /api/v1/todos | RSS at that point (MB) |', '|---|---|---|---|');
    L.push(`| plain JVM | ${fs3(s.plain.health_ms)} ms | ${fs3(s.plain.list_ms)} ms | ${fs3(s.plain.rss_mb)} |`);
    L.push(`| JDK 25 AOT cache | ${fs3(s.aot.health_ms)} ms | ${fs3(s.aot.list_ms)} ms | ${fs3(s.aot.rss_mb)} |`);
    L.push(`| AOT / plain | ${fmt(s.ratio_health, 2)} | ${fmt(s.ratio_list, 2)} | |`, '');
    L.push(`AOT cache: ${fmt(s.aot_cache_mb)} MB${s.aot_training_s ? `, trained in ${fmt(s.aot_training_s)} s` : ' (reused)'}. Load during the runs: ${[...s.plain.runs, ...s.aot.runs].map((x) => x.load[0]).join(', ')}.`, '');
    targets.push(['AOT startup ≤ 0.5 × plain (to first authenticated list)', s.ratio_list != null ? `${fmt(s.ratio_list, 2)} ×` : 'list route missing', s.ratio_list == null ? null : s.ratio_list <= 0.5]);
  }
  if (S.jvm && !S.jvm.error) {
    L.push(`## JVM flags: collectors and heap sizes under the same load (container of ${m.max_ram}; other flags as bin/jvm.options; one run each)`, '');
    L.push('| configuration | startup to health (ms) | floor req/s | list req/s | list p99 (ms) | list CPU/req (ms) | POST req/s | POST CPU/req (ms) | RSS after (MB) | peak RSS (MB) | heap committed (MB) |', '|---|---|---|---|---|---|---|---|---|---|---|');
    for (const [name, c] of Object.entries(S.jvm)) {
      L.push(`| ${name} (\`${c.flags.join(' ')}\`) | ${fs3(c.startup_ms)} | ${fs3(c.health_rps)} | ${fs3(c.list_rps)} | ${fs3(c.list_p99_ms, 1)} | ${fs3(c.list_cpu_ms, 2)} | ${fs3(c.post_rps)} | ${fs3(c.post_cpu_ms, 2)} | ${fs3(c.rss_mb)} | ${fs3(c.hwm_mb)} | ${fs3(c.heap_committed_mb)} |`);
    }
    L.push('');
  }
  if (S.throughput && !S.throughput.error) {
    const t = S.throughput;
    L.push(`## Throughput and latency, ${r.options.connections} connections`, '');
    L.push('| scenario | req/s | ratio to floor | p50 (ms) | p99 (ms) | service CPU per request (ms) | errors (non-2xx) / requests | load |', '|---|---|---|---|---|---|---|---|');
    for (const [k, s] of Object.entries(t.scenarios)) {
      L.push(`| ${s.title} | ${fs3(s.rps)} | ${pct(s.ratio_to_floor)} | ${fs3(s.p50_ms, 1)} | ${fs3(s.p99_ms, 1)} | ${fs3(s.cpu_ms_per_req, 2)} | ${s.errors} (${s.non2xx}) / ${fmt(s.requests)} | ${s.load.join(', ')} |`);
    }
    L.push('');
    L.push('Reads at 70 % of their peak throughput, paced (Poisson arrivals on a schedule, see bench/README.md):', '');
    L.push('| read | target req/s | achieved req/s | p50 (ms) | p99 (ms) | errors |', '|---|---|---|---|---|---|');
    for (const [k, p] of Object.entries(t.paced)) {
      L.push(`| ${t.scenarios[k].title} | ${fmt(p.target_rps)} | ${fs3(p.achieved_rps)} | ${fs3(p.p50_ms, 2)} | ${fs3(p.p99_ms, 2)} | ${p.errors} |`);
    }
    const mem = t.memory_after_load;
    L.push('', `Memory after the load runs: RSS ${fmt(mem.rss_mb)} MB (peak ${fmt(mem.hwm_mb)} MB), heap used ${fmt(mem.heap_used_mb)} MB of ${fmt(mem.heap_committed_mb)} MB committed, ${fmt(mem.after_full_gc?.heap_used_mb)} MB live after a full GC.`, '');
    const sc = t.scenarios;
    const errors = Object.values(sc).reduce((a, s) => a + s.errors, 0);
    targets.push(['GET /api/v1/todos ≥ 50 % of the floor', pct(sc.list.ratio_to_floor), sc.list.ratio_to_floor?.median >= 0.5]);
    targets.push(['POST /api/v1/todos ≥ 25 % of the floor', pct(sc.post.ratio_to_floor), sc.post.ratio_to_floor?.median >= 0.25]);
    targets.push(['0 errors in the load runs', `${errors}`, errors === 0]);
    const p99 = Math.max(...Object.values(t.paced).map((p) => p.p99_ms?.median ?? Infinity));
    targets.push(['read p99 ≤ 10 ms at 70 % of peak', `${fmt(p99, 2)} ms (worst of list, get)`, p99 <= 10]);
    targets.push(['RSS ≤ 256 MB after the load runs', `${fmt(mem.rss_mb)} MB`, mem.rss_mb <= 256]);
  }
  if (S.growth && !S.growth.error) {
    const g = S.growth;
    const sizes = Object.keys(g.sizes);
    L.push('## Growth: one user holding more to-dos (1 connection, sequential requests)', '');
    L.push(`| query | ${sizes.map((s) => `${fmt(Number(s))} p50 / p99 (ms)`).join(' | ')} | largest / smallest (p50) |`, `|---|${sizes.map(() => '---|').join('')}---|`);
    for (const [name, p] of GROWTH_QUERIES) {
      const cells = sizes.map((s) => {
        const q = g.sizes[s].queries[name];
        return q.status === 200 ? `${fs3(q.p50_ms, 2)} / ${fmt(q.p99_ms?.median, 2)}${q.total != null && name.startsWith('search') ? ` (${fmt(q.total)} hits)` : ''}` : `answered ${q.status}`;
      });
      const first = g.sizes[sizes[0]].queries[name];
      const last = g.sizes[sizes.at(-1)].queries[name];
      const ratio = first.status === 200 && last.status === 200 ? last.p50_ms.median / first.p50_ms.median : null;
      L.push(`| \`${p}\` | ${cells.join(' | ')} | ${fmt(ratio, 2)} |`);
      if (name !== 'search_common') targets.push([`${fmt(Number(sizes.at(-1)))}-to-do ${name} latency ≤ 1.5 × the ${fmt(Number(sizes[0]))}-to-do one`, ratio == null ? 'route missing' : `${fmt(ratio, 2)} ×`, ratio == null ? null : ratio <= 1.5]);
    }
    L.push('', `Seeding (one transaction, straight into SQLite): ${sizes.map((s) => `${fmt(Number(s))} in ${fmt(g.sizes[s].seed_s, 1)} s, file ${fmt(g.sizes[s].db_mb)} MB`).join('; ')}.`, '');
  }
  if (S.uploads) {
    L.push('## Uploads and downloads', '');
    if (S.uploads.missing || S.uploads.error) {
      L.push(`Not measured: ${S.uploads.missing || S.uploads.error}.`, '');
      targets.push(['upload heap growth < 5 MB for 100 MiB', 'not measured', null]);
    } else {
      L.push('| size | upload (s) | download (s) | heap growth after GC (MB) | heap peak over baseline (MB) | RSS growth (MB) | statuses |', '|---|---|---|---|---|---|---|');
      for (const [k, u] of Object.entries(S.uploads)) {
        L.push(`| ${k} | ${fs3(u.upload_s, 2)} | ${fs3(u.download_s, 2)} | ${fs3(u.heap_growth_mb, 1)} | ${fs3(u.heap_peak_over_baseline_mb, 1)} | ${fs3(u.rss_growth_mb, 1)} | ${u.statuses.join(' ')} |`);
      }
      L.push('');
      const u = S.uploads['100MiB'];
      targets.push(['upload heap growth < 5 MB for 100 MiB', `${fmt(u.heap_growth_mb.median, 1)} MB`, u.heap_growth_mb.median < 5]);
    }
  }
  for (const [k, v] of Object.entries(S)) {
    if (v?.error) L.push(`Section ${k} failed: ${v.error}`, '');
  }
  L.splice(head, 0, '## Targets (issue 6)', '', '| target | measured | verdict |', '|---|---|---|', ...targets.map(([t, m, ok]) => `| ${t} | ${m} | ${verdict(ok)} |`), '');
  return L.join('\n');
}

// ---------------------------------------------------------------------------------------------
async function main() {
  log(`sections ${opt.sections.join(', ')}; raw output in ${path.relative(ROOT, RAW)}`);
  const sections = { startup: sectionStartup, jvm: sectionJvm, throughput: sectionThroughput, growth: sectionGrowth, uploads: sectionUploads };
  for (const name of opt.sections) {
    const t0 = now();
    log(`== ${name}`);
    try {
      result.sections[name] = await sections[name]();
    } catch (e) {
      log(`section ${name} failed: ${e.stack || e}`);
      result.sections[name] = { error: String(e.message || e) };
    }
    result.timing[name] = { elapsed_s: (now() - t0) / 1000, load_after: load() };
  }
  result.finished_at = new Date().toISOString();
  const name = `${result.started_at.slice(0, 10)}-${result.machine.commit}${opt.quick ? '-quick' : ''}`;
  const dir = path.join(ROOT, 'bench/results');
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, `${name}.md`), markdown(result) + '\n');
  log(`wrote bench/results/${name}.md and .json`);
  process.stdout.write(markdown(result) + '\n');
}

async function cleanup() {
  for (const app of running) app.child.kill('SIGKILL');
  fs.rmSync(TMP, { recursive: true, force: true });
}
process.on('SIGINT', async () => {
  await cleanup();
  process.exit(130);
});
process.on('SIGTERM', async () => {
  await cleanup();
  process.exit(143);
});

main()
  .catch((e) => {
    log(e.stack || e);
    process.exitCode = 1;
  })
  .finally(cleanup);
