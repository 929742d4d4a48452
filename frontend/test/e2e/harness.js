// Starts what the end-to-end tests run against: the local identity provider (dev-idp jar) and the
// assembled service (bootstrap/target/todo.jar), each on a free port with its own temporary
// SQLite file, and Debian's Chromium through playwright-core (never a downloaded browser).

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const FRONTEND = resolve(here, '../..');
export const REPO = resolve(FRONTEND, '..');
export const RESULTS = join(FRONTEND, 'test-results');

export const APP_JAR = process.env.TODO_E2E_APP_JAR || join(REPO, 'bootstrap/target/todo.jar');
const IDP_JAR = process.env.TODO_E2E_IDP_JAR || join(REPO, 'dev-idp/target/todo-dev-idp.jar');
export const ATTACHMENT_LIMIT_BYTES = 4 * 1024 * 1024;
export const CHROMIUM = process.env.TODO_E2E_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

/** The JDK 25 the project's scripts use (bin/jdk.sh), unless TODO_E2E_JAVA names a java binary. */
export function javaBinary() {
	if (process.env.TODO_E2E_JAVA) return process.env.TODO_E2E_JAVA;
	const home = execFileSync('bash', ['-c', 'source bin/jdk.sh >/dev/null && printf %s "$JAVA_HOME"'], { cwd: REPO }).toString();
	return join(home, 'bin/java');
}

function freePort() {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePort(port));
		});
	});
}

/** Spawns a process, keeping its output for the failure message. */
function start(name, command, args, options) {
	const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
	child.output = '';
	const keep = (chunk) => {
		child.output += chunk.toString();
		if (child.output.length > 200_000) child.output = child.output.slice(-100_000);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	child.label = name;
	return child;
}

function waitForOutput(child, pattern, timeoutMs) {
	return new Promise((resolveMatch, reject) => {
		const timer = setTimeout(() => reject(new Error(`${child.label} did not start in ${timeoutMs} ms:\n${child.output}`)), timeoutMs);
		const check = () => {
			const match = pattern.exec(child.output);
			if (match) {
				clearTimeout(timer);
				child.stdout.off('data', check);
				resolveMatch(match);
			}
		};
		child.stdout.on('data', check);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${child.label} exited with ${code}:\n${child.output}`));
		});
		check();
	});
}

async function waitForHealth(baseUrl, child, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${child.label} exited with ${child.exitCode}:\n${child.output}`);
		try {
			const response = await fetch(`${baseUrl}/api/v1/health`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`the service did not become healthy in ${timeoutMs} ms:\n${child.output}`);
}

function stopProcess(child) {
	return new Promise((resolveStop) => {
		if (!child || child.exitCode !== null || child.signalCode !== null) return resolveStop();
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolveStop();
		});
		child.kill('SIGTERM');
	});
}

/** Everything a test needs: base URL, issuer, the browser; stop() ends it all. */
export async function startStack() {
	for (const [what, path] of [['service jar', APP_JAR], ['dev-idp jar', IDP_JAR], ['Chromium', CHROMIUM]]) {
		if (!existsSync(path)) throw new Error(`${what} not found at ${path} (build with ./mvnw package; Chromium: apt-get install chromium)`);
	}
	mkdirSync(RESULTS, { recursive: true });
	const java = javaBinary();
	const work = mkdtempSync(join(tmpdir(), 'todo-e2e-'));
	const stack = { work, processes: [] };
	try {
		const idp = start('dev-idp', java, ['-jar', IDP_JAR], {
			cwd: work,
			env: { ...process.env, TODO_DEV_IDP_PORT: '0', TODO_DEV_IDP_HOST: 'localhost' },
		});
		stack.processes.push(idp);
		const [, issuer] = await waitForOutput(idp, /dev-idp issuer (\S+)/, 60_000);

		const port = await freePort();
		const baseUrl = `http://localhost:${port}`;
		const startApp = async () => {
			const app = start('service', java, ['--enable-native-access=ALL-UNNAMED', '-jar', APP_JAR], {
				cwd: work,
				env: {
					...process.env,
					PORT: String(port),
					TODO_DATABASE_URL: `jdbc:sqlite:${join(work, 'todo.db')}`,
					TODO_OIDC_ISSUER: issuer,
					TODO_LOG_FORMAT: 'text',
					// below the 10 MiB default, so the tests show the app follows the configured limit
					TODO_ATTACHMENTS_MAX_BYTES: String(ATTACHMENT_LIMIT_BYTES),
				},
			});
			stack.processes.push(app);
			stack.app = app;
			await waitForHealth(baseUrl, app, 120_000);
		};
		await startApp();

		const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
		return Object.assign(stack, {
			baseUrl,
			issuer,
			browser,
			/** Stops the service as an outage would (SIGTERM); the same port and database come back with restartApp(). */
			async stopApp() {
				await stopProcess(stack.app);
				stack.processes = stack.processes.filter((child) => child !== stack.app);
			},
			restartApp: startApp,
			async stop() {
				await browser.close().catch(() => {});
				for (const child of stack.processes.reverse()) await stopProcess(child);
				rmSync(work, { recursive: true, force: true });
			},
		});
	} catch (error) {
		for (const child of stack.processes.reverse()) await stopProcess(child);
		rmSync(work, { recursive: true, force: true });
		throw error;
	}
}

/**
 * A fresh browser context (own sessionStorage) signed in as `username` through the provider's form;
 * `claims` (e.g. {email, name}) go into the id token.
 */
export async function signedInPage(stack, username, contextOptions = {}, claims = null) {
	const { startPath, ...browserOptions } = contextOptions;
	const context = await stack.browser.newContext({ acceptDownloads: true, ...browserOptions });
	const page = await context.newPage();
	page.problems = [];
	page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
	page.on('console', (message) => {
		// only the app's pages count (the provider's sign-in page asks a CDN for its stylesheet)
		if (message.type() === 'error' && page.url().startsWith(stack.baseUrl)) {
			page.problems.push(`console error: ${message.text()} (${message.location().url})`);
		}
	});
	page.on('dialog', (dialog) => {
		page.problems.push(`unexpected dialog: ${dialog.message()}`);
		dialog.dismiss();
	});
	await page.goto(stack.baseUrl + (startPath ?? '/'));
	await signInAtProvider(page, stack, username, claims);
	return page;
}

/** On the provider's login page: type the username (and claims), submit, wait to be back on the app. */
export async function signInAtProvider(page, stack, username, claims = null) {
	await page.waitForURL((url) => url.href.startsWith(stack.issuer), { timeout: 20_000 });
	await page.fill('input[name="username"]', username);
	if (claims) await page.fill('textarea[name="claims"]', JSON.stringify(claims));
	await Promise.all([page.waitForURL((url) => url.href.startsWith(stack.baseUrl)), page.click('input[type="submit"], button[type="submit"]')]);
	await page.locator('.whoami-name').filter({ hasText: claims?.name ?? username }).waitFor({ timeout: 20_000 });
}

export function screenshotPath(name) {
	return join(RESULTS, `${name}.png`);
}
