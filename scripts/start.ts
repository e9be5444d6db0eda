/**
 * npm start — from a fresh clone to a running portal on http://localhost:3000:
 * builds when the build is missing or older than the sources, migrates, seeds the demo
 * data when the directory has no services, then serves the built app.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import compression from 'compression';
import { count } from 'drizzle-orm';
import { openDatabase } from '#lib/server/db/client.ts';
import { runMigrations } from '#lib/server/db/migrate.ts';
import { service } from '#lib/server/db/schema/index.ts';
import { seedDemoData } from '#lib/server/seed/seed-demo-data.ts';
import { installReferenceData } from '#lib/server/db/install-reference-data.ts';

const root = process.cwd();
const builtEntry = path.join(root, 'build', 'handler.js');

function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
	}
	return newest;
}

function buildIsStale(): boolean {
	if (!existsSync(builtEntry)) return true;
	const sources = Math.max(newestMtime(path.join(root, 'src')), newestMtime(path.join(root, 'static')));
	return sources > statSync(builtEntry).mtimeMs;
}

if (buildIsStale()) {
	console.log('building the portal…');
	execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}

const database = await openDatabase();
try {
	await runMigrations(database);
	await installReferenceData(database.db);
	const [{ n }] = (await database.db.select({ n: count() }).from(service)) as [{ n: number }];
	if (n === 0) {
		console.log('empty directory: seeding the Milan demo data…');
		const report = await seedDemoData(database.db);
		console.log(`seeded ${report.services} services`);
	}
} finally {
	await database.close();
}

type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;
const { handler } = (await import(path.join(root, 'build', 'handler.js'))) as { handler: Handler };
// adapter-node precompresses static assets only; pages and JSON are compressed here, so a
// family on a slow phone connection gets ~20 KB instead of ~70 KB for a search page.
const compress = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
const server = createServer((req, res) => compress(req, res, () => handler(req, res)));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => console.log(`Piazza on http://localhost:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => server.close(() => process.exit(0)));
}
