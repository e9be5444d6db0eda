/**
 * The built portal, served for the end-to-end tier and the performance budget: build when the
 * build is missing or older than the sources, prepare a fresh seeded database in a run directory,
 * start `build/index.js` on a fixed port and wait until it answers.
 *
 * Plain Node (type stripping) compatible: scripts/budget.ts imports it as well as Vitest.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** E2E_PORT lets two checkouts run the tier side by side. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3103);

/** Node 24 pinned by the `node` devDependency; the machine's own node may be older. */
export function nodeBinary(): string {
	const pinned = path.join(ROOT, 'node_modules', '.bin', 'node');
	return existsSync(pinned) ? pinned : process.execPath;
}

function newestMtime(target: string): number {
	if (!existsSync(target)) return 0;
	const stat = statSync(target);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
	return newest;
}

/** True when build/index.js is missing or older than anything the build reads. */
export function buildIsStale(): boolean {
	const entry = path.join(ROOT, 'build', 'index.js');
	if (!existsSync(entry)) return true;
	const sources = Math.max(
		newestMtime(path.join(ROOT, 'src')),
		newestMtime(path.join(ROOT, 'static')),
		newestMtime(path.join(ROOT, 'vite.config.ts'))
	);
	return sources > statSync(entry).mtimeMs;
}

function run(label: string, args: string[], env: NodeJS.ProcessEnv): void {
	const started = Date.now();
	const result = spawnSync(nodeBinary(), args, {
		cwd: ROOT,
		env: { ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (result.status !== 0) {
		throw new Error(
			`${label} failed (exit ${result.status ?? result.signal}):\n${result.stdout ?? ''}\n${result.stderr ?? ''}`
		);
	}
	log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function log(message: string): void {
	process.stderr.write(`[e2e] ${message}\n`);
}

/** Builds the app unless it is fresh; E2E_SKIP_BUILD=1 trusts whatever build/ holds. */
export function ensureBuild(): void {
	if (process.env.E2E_SKIP_BUILD === '1') {
		if (!existsSync(path.join(ROOT, 'build', 'index.js'))) {
			throw new Error('E2E_SKIP_BUILD=1 but build/index.js does not exist: run `npm run build` first.');
		}
		return;
	}
	if (!buildIsStale()) return;
	log('building the app (build/ is missing or older than src/)…');
	run('vite build', [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], process.env);
}

export type RunDirectory = { dir: string; dataDir: string; buildDir: string };

/**
 * A private directory for one run under .data/ (inside the repository so that the copied build
 * still resolves node_modules): a fresh database and a snapshot of build/, so a rebuild by
 * someone else while the tests run cannot pull the server's files from under it.
 */
export function createRunDirectory(prefix: string): RunDirectory {
	const parent = path.join(ROOT, '.data');
	mkdirSync(parent, { recursive: true });
	const dir = mkdtempSync(path.join(parent, `${prefix}-`));
	const buildDir = path.join(dir, 'build');
	cpSync(path.join(ROOT, 'build'), buildDir, { recursive: true });
	return { dir, dataDir: path.join(dir, 'pglite'), buildDir };
}

export function removeRunDirectory(run: RunDirectory): void {
	if (process.env.E2E_KEEP === '1') {
		log(`kept ${run.dir} (E2E_KEEP=1)`);
		return;
	}
	rmSync(run.dir, { recursive: true, force: true });
}

function databaseEnv(dataDir: string): NodeJS.ProcessEnv {
	// DATABASE_URL, when set, selects a real PostgreSQL server and wins over PGLITE_DIR.
	return { ...process.env, PGLITE_DIR: dataDir };
}

/** Migrates the database of a run and seeds the Milan demo data into it. */
function migrateAndSeed(dataDir: string): string {
	const env = databaseEnv(dataDir);
	run('db:migrate', [path.join(ROOT, 'scripts', 'db-migrate.ts')], env);
	run('db:seed', [path.join(ROOT, 'scripts', 'db-seed.ts')], env);
	return 'demo seed';
}

/** Everything the seeded database is made from: migrations, data, server code, seed scripts. */
const DATABASE_INPUTS = ['drizzle', 'data', 'src/lib/server', 'scripts/db-migrate.ts', 'scripts/db-seed.ts', 'package-lock.json'];

function fingerprint(): string {
	const hash = createHash('sha256');
	const visit = (relative: string) => {
		const full = path.join(ROOT, relative);
		if (!existsSync(full)) return;
		if (statSync(full).isDirectory()) {
			for (const entry of readdirSync(full).sort()) visit(path.join(relative, entry));
			return;
		}
		hash.update(`${relative}\0`).update(readFileSync(full)).update('\0');
	};
	for (const input of DATABASE_INPUTS) visit(input);
	return hash.digest('hex').slice(0, 16);
}

/**
 * Prepares the fresh database of a run in `dataDir`. Seeding takes a minute, so on PGlite a
 * pristine copy of the seeded directory is kept in .data/e2e-cache/ under a fingerprint of all
 * its inputs and copied for each run (any change to migrations, data or server code re-seeds).
 * E2E_DB_CACHE=0 always seeds from scratch; with DATABASE_URL there is no cache.
 */
export function prepareDatabase(dataDir: string): string {
	if (process.env.DATABASE_URL || process.env.E2E_DB_CACHE === '0') return migrateAndSeed(dataDir);
	const cacheRoot = path.join(ROOT, '.data', 'e2e-cache');
	const key = fingerprint();
	const cached = path.join(cacheRoot, key);
	if (existsSync(path.join(cached, 'DONE'))) {
		cpSync(path.join(cached, 'pglite'), dataDir, { recursive: true });
		const data = readFileSync(path.join(cached, 'DONE'), 'utf8');
		log(`database: copy of the cached ${data} (${key})`);
		return data;
	}
	const data = migrateAndSeed(dataDir);
	// replace older entries; write under a temporary name so a crash never leaves a half cache
	rmSync(cacheRoot, { recursive: true, force: true });
	const staging = `${cached}.tmp-${process.pid}`;
	mkdirSync(staging, { recursive: true });
	cpSync(dataDir, path.join(staging, 'pglite'), { recursive: true });
	writeFileSync(path.join(staging, 'DONE'), data);
	renameSync(staging, cached);
	return data;
}

export type AppServer = { url: string; stop: () => Promise<void>; output: () => string };

/** Starts the built app and resolves once GET / answers 200. */
export async function startServer(options: {
	buildDir: string;
	dataDir: string;
	port?: number;
	timeoutMs?: number;
}): Promise<AppServer> {
	const port = options.port ?? E2E_PORT;
	const url = `http://127.0.0.1:${port}`;
	await assertPortFree(url);
	const child = spawn(nodeBinary(), [path.join(options.buildDir, 'index.js')], {
		cwd: ROOT,
		env: {
			...databaseEnv(options.dataDir),
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			PUBLIC_ORIGIN: url,
			NODE_ENV: 'production'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	const server: AppServer = { url, stop: () => stopProcess(child), output: () => output };
	try {
		await waitUntilReady(url, child, options.timeoutMs ?? 60_000, () => output);
	} catch (error) {
		await server.stop();
		throw error;
	}
	return server;
}

async function assertPortFree(url: string): Promise<void> {
	try {
		await fetch(url, { signal: AbortSignal.timeout(1000) });
	} catch {
		return;
	}
	throw new Error(`something already answers on ${url}: stop it (the e2e tier owns port ${E2E_PORT})`);
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number, output: () => string) {
	const deadline = Date.now() + timeoutMs;
	let last = 'no answer yet';
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering:\n${output()}`);
		}
		try {
			const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(5000) });
			if (response.status === 200) return;
			last = `GET / answered ${response.status}`;
		} catch (error) {
			last = (error as Error).message;
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`the server on ${url} did not answer 200 within ${timeoutMs / 1000} s (${last}). Its output:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const force = setTimeout(() => child.kill('SIGKILL'), 5000);
		child.once('exit', () => {
			clearTimeout(force);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

/** Everything above in one call: the budget script and the e2e global setup share it. */
export async function launchApp(prefix: string): Promise<{ server: AppServer; data: string; close: () => Promise<void> }> {
	ensureBuild();
	const runDir = createRunDirectory(prefix);
	try {
		const data = prepareDatabase(runDir.dataDir);
		const server = await startServer({ buildDir: runDir.buildDir, dataDir: runDir.dataDir });
		log(`server ready on ${server.url} (${data})`);
		return {
			server,
			data,
			close: async () => {
				await server.stop();
				removeRunDirectory(runDir);
			}
		};
	} catch (error) {
		removeRunDirectory(runDir);
		throw error;
	}
}
