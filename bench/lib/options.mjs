// bench/run's command line (bench/README.md, "Usage", is its help).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';

export const ALL_SECTIONS = ['startup', 'jvm', 'throughput', 'floor', 'memory', 'growth', 'lists', 'uploads', 'sync', 'instances'];

/** The sections that run once per engine of --engines; the others run on SQLite only. */
export const PER_ENGINE_SECTIONS = ['throughput', 'growth'];

/** The engines --engines takes (engines.mjs has their databases). */
export const ENGINE_NAMES = ['sqlite', 'postgres'];

/** What runs without --sections: every section but jvm in quick mode, instances only with PostgreSQL. */
export function defaultSections(opt) {
  return ALL_SECTIONS.filter((s) => !(opt.quick && s === 'jvm') && !(s === 'instances' && !opt.engines.includes('postgres')));
}

export class UsageError extends Error {}

/** {options} for a run, or {help: true}; an unknown option throws UsageError. */
export function parseOptions(argv, env = process.env) {
  const opt = {
    quick: false,
    runs: 3,
    duration: 8, // seconds per throughput run
    warmup: 5,
    growthDuration: 4,
    connections: 64,
    threads: 2,
    port: Number(env.BENCH_PORT || 0),
    sections: null,
    maxRam: env.BENCH_MAX_RAM || '512m',
    sizes: [1000, 100000, 1000000],
    engines: ['sqlite'],
  };
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
    else if (a === '--engines') opt.engines = next().split(',');
    else if (a === '-h' || a === '--help') return { help: true };
    else throw new UsageError(`unknown option ${a} (try --help)`);
  }
  if (opt.quick) {
    opt.duration = argv.includes('--duration') ? opt.duration : 3;
    opt.warmup = 2;
    opt.growthDuration = 2;
    if (!argv.includes('--sizes')) opt.sizes = [1000, 100000];
  }
  const badEngine = opt.engines.find((e) => !ENGINE_NAMES.includes(e));
  if (badEngine || !opt.engines.length) throw new UsageError(`--engines takes ${ENGINE_NAMES.join(', ')} (comma-separated), not ${badEngine ?? 'nothing'}`);
  opt.sections ??= defaultSections(opt);
  const badSection = opt.sections.find((s) => !ALL_SECTIONS.includes(s));
  if (badSection) throw new UsageError(`unknown section ${badSection} (sections: ${ALL_SECTIONS.join(', ')})`);
  return { options: opt };
}

/** The "Usage" section of bench/README.md. */
export function usage() {
  return fs.readFileSync(path.join(ROOT, 'bench/README.md'), 'utf8').split('\n## ')[1];
}
