// The service under test: the jar, started with the flags of bin/run and the memory limit of a small
// container, on a data directory and a free loopback port; waited for, and stopped. And the JDK 25
// AOT cache of the jar, trained when it does not match.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { log, now, sleep } from './clock.mjs';
import { sh } from './command.mjs';
import { freePort, request } from './http.mjs';
import { JAR, JVM_OPTIONS, ROOT, jdkTool } from './paths.mjs';

export function jvmOptions(maxRam) {
  // Emulates the memory limit of a small container, so that heap-by-percentage sizes like there.
  const extra = (process.env.BENCH_JAVA_OPTS || '').split(/\s+/).filter(Boolean);
  return [`@${JVM_OPTIONS}`, `-XX:MaxRAM=${maxRam}`, ...extra];
}

/** Starts the jar on dataDir; replaceOpts replaces jvmOptions(), extraOpts come after them. */
export async function startApp(run, dataDir, { extraOpts = [], env = {}, name = 'app', replaceOpts = null } = {}) {
  const port = await freePort(run.opt.port);
  const logFile = path.join(run.raw, `${name}-${++run.counters.apps}.log`);
  const out = fs.openSync(logFile, 'w');
  const args = [...(replaceOpts ?? jvmOptions(run.opt.maxRam)), ...extraOpts, '-jar', JAR];
  const t0 = now();
  const child = spawn(jdkTool('java'), args, {
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
    run.running.delete(app);
  });
  run.running.add(app);
  return app;
}

export async function stopApp(app) {
  if (app.exited) return;
  const done = new Promise((r) => app.child.once('exit', r));
  app.child.kill('SIGTERM');
  const timer = setTimeout(() => app.child.kill('SIGKILL'), 20000);
  await done;
  clearTimeout(timer);
}

/** Polls until the route answers 200; returns the ms from exec, or the first other answer than 503. */
export async function firstOk(app, urlPath, sub, deadlineMs = 120000) {
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

/** Waits for the health route; returns the ms from exec. */
export async function ready(app) {
  const t = await firstOk(app, '/api/v1/health');
  if (typeof t !== 'number') throw new Error(`health answered ${JSON.stringify(t)}`);
  return t;
}

/** Trains the AOT cache with bin/train-aot unless it matches the jar; the seconds it took, or null. */
export function trainAotCacheUnlessCurrent() {
  const key = sh('bash', ['-c', `cd "${ROOT}" && source bin/jdk.sh && source bin/aot.sh && todo_aot_options bootstrap/target/todo.jar`]);
  if (key) return null;
  log('training the AOT cache (bin/train-aot)');
  const t0 = now();
  execFileSync(path.join(ROOT, 'bin/train-aot'), [], { stdio: ['ignore', 'ignore', 'inherit'] });
  return (now() - t0) / 1000;
}
