// The benchmark orchestrator, started by bench/run (which finds the JDK, builds the jar if stale
// and installs wrk). Starts the jar with a temporary data directory on loopback, drives it with
// wrk, and writes bench/results/<date>-<commit>.{json,md}; logs and wrk output go to
// bench/results/raw/<stamp>/ (git-ignored). See bench/README.md for what each section measures.
import path from 'node:path';
import { log, now } from './clock.mjs';
import { describeMachine, loadAverage } from './machine.mjs';
import { UsageError, parseOptions, usage } from './options.mjs';
import { ROOT } from './paths.mjs';
import { newResult, writeResults } from './results.mjs';
import { createRun, disposeRun } from './run.mjs';
import { floor } from './sections/floor.mjs';
import { growth } from './sections/growth.mjs';
import { instances } from './sections/instances.mjs';
import { jvm } from './sections/jvm.mjs';
import { lists } from './sections/lists.mjs';
import { memory } from './sections/memory.mjs';
import { startup } from './sections/startup.mjs';
import { sync } from './sections/sync.mjs';
import { throughput } from './sections/throughput.mjs';
import { uploads } from './sections/uploads.mjs';

const sections = { startup, jvm, throughput, floor, memory, growth, lists, uploads, sync, instances };

function parseCommandLine() {
  try {
    const parsed = parseOptions(process.argv.slice(2));
    if (parsed.help) {
      console.log(usage());
      process.exit(0);
    }
    return parsed.options;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
}

async function main(run, result) {
  log(`sections ${run.opt.sections.join(', ')}; engines ${run.opt.engines.join(', ')}; raw output in ${path.relative(ROOT, run.raw)}`);
  for (const name of run.opt.sections) {
    const t0 = now();
    log(`== ${name}`);
    try {
      result.sections[name] = await sections[name](run);
    } catch (e) {
      log(`section ${name} failed: ${e.stack || e}`);
      result.sections[name] = { error: String(e.message || e) };
    }
    result.timing[name] = { elapsed_s: (now() - t0) / 1000, load_after: loadAverage() };
  }
  if (run.postgres) {
    const { version, settings } = run.postgres;
    result.postgres = { version, settings, pool_size: Number(process.env.TODO_DATABASE_POOL_SIZE || 4) };
  }
  result.finished_at = new Date().toISOString();
  const { name, table } = writeResults(result);
  log(`wrote bench/results/${name}.md and .json`);
  process.stdout.write(table + '\n');
}

const options = parseCommandLine();
const run = createRun(options);
const result = newResult(options, describeMachine(options.maxRam));
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    disposeRun(run);
    process.exit(code);
  });
}
main(run, result)
  .catch((e) => {
    log(e.stack || e);
    process.exitCode = 1;
  })
  .finally(() => disposeRun(run));
