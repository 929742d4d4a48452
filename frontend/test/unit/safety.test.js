import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));

function files(dir, ending) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'vendor' ? [] : files(path, ending);
		return path.endsWith(ending) ? [path] : [];
	});
}

describe('the served files', () => {
	it('never turn strings into markup or code', () => {
		const sinks = /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|\beval\(|new Function\(|setAttribute\(\s*['"]on/;
		const offenders = files(join(publicDir, 'js'), '.js').filter((path) => sinks.test(readFileSync(path, 'utf8')));
		assert.deepEqual(offenders, []);
	});

	it('need no inline script, inline style or event-handler attribute (the CSP allows none)', () => {
		for (const path of files(publicDir, '.html')) {
			const html = readFileSync(path, 'utf8');
			assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${path}: inline <script>`);
			assert.doesNotMatch(html, /<style\b/, `${path}: <style> element`);
			assert.doesNotMatch(html, /\sstyle=/, `${path}: style attribute`);
			assert.doesNotMatch(html, /\son[a-z]+=/, `${path}: event-handler attribute`);
		}
		for (const path of files(join(publicDir, 'js'), '.js')) {
			assert.doesNotMatch(readFileSync(path, 'utf8'), /setAttribute\(\s*['"]style['"]/, `${path}: style attribute`);
		}
	});
});

/** The modules a module imports statically, as paths under public/, transitively. */
function importGraph(entry) {
	const found = new Set();
	const visit = (file) => {
		const source = readFileSync(join(publicDir, file), 'utf8');
		for (const match of source.matchAll(/^\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)) {
			const path = join(dirname(file), match[1] ?? match[2]);
			if (!found.has(path)) {
				found.add(path);
				visit(path);
			}
		}
	};
	visit(entry);
	return [...found].sort();
}

describe('the page', () => {
	it('preloads exactly the modules its script imports, so that they load at once and not level by level', () => {
		const html = readFileSync(join(publicDir, 'index.html'), 'utf8');
		const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/([^"]+)">/g)].map((match) => match[1]);
		assert.deepEqual(preloaded, [...preloaded].sort(), 'in alphabetical order');
		assert.deepEqual(preloaded, importGraph('js/app.js'));
	});
});
