// The result document of a run and its two files, bench/results/<date>-<commit>[-quick][-sections].json and .md.
import fs from 'node:fs';
import path from 'node:path';
import { markdown } from './markdown.mjs';
import { defaultSections } from './options.mjs';
import { RESULTS } from './paths.mjs';

export function newResult(options, machine) {
  return {
    started_at: new Date().toISOString(),
    options: { ...options },
    machine,
    sections: {},
    timing: {},
  };
}

/** Writes the JSON and the Markdown of a finished result; returns the file name without extension and the Markdown. */
export function writeResults(result) {
  // A run of some sections only is named after them, and a run on other engines than SQLite alone
  // after its engines, so that it does not overwrite another run's files of the same commit.
  const o = result.options;
  const full = defaultSections({ ...o, quick: false });
  const some = full.some((s) => !o.sections.includes(s)) ? `-${o.sections.join('-')}` : '';
  const engines = o.engines.join() === 'sqlite' ? '' : `-${o.engines.join('-')}`;
  const name = `${result.started_at.slice(0, 10)}-${result.machine.commit}${o.quick ? '-quick' : ''}${some}${engines}`;
  const table = markdown(result);
  fs.writeFileSync(path.join(RESULTS, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(RESULTS, `${name}.md`), table + '\n');
  return { name, table };
}
