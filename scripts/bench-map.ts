/**
 * npm run bench:map [-- --services 100000 --runs 30 --dir .data/bench-map --engine pglite|postgres --reuse]
 * Seeds the scaled directory of bench:search (one location per service, around 18 neighbourhoods
 * of the nine municipi) and prints p50/p95 of findMapFeatures() — what GET /api/map answers —
 * for a mix of views and searches. Nothing is cached between requests in the app, so the first
 * view of a search costs what a repeated one does (the database's own buffers aside).
 * Always on PGlite; on PostgreSQL too when DATABASE_URL is set (a temporary database created on
 * that server and dropped afterwards). With --dir the PGlite database lives in that folder and is
 * reused by the next run with the same --services, which then skips the seeding.
 */
import type { Db } from '#lib/server/db/client.ts';
import { parseMapParams, type MapParams } from '#lib/server/map/inputs.ts';
import { findMapFeatures } from '#lib/server/map/map-features.ts';
import { benchOnEngines, type BenchOptions } from './bench/scaled-directory.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
	const i = args.indexOf(`--${name}`);
	const value = i >= 0 ? Number(args[i + 1]) : fallback;
	if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive integer`);
	return value;
};
const SERVICES = option('services', 100_000);
const RUNS = option('runs', 30);
const dirAt = args.indexOf('--dir');
const DIR = dirAt >= 0 ? args[dirAt + 1] : undefined;
const engineAt = args.indexOf('--engine');
const ENGINE = engineAt >= 0 ? args[engineAt + 1] : 'both';
/** Bench in the database DATABASE_URL names, kept for the next run, instead of a temporary one. */
const REUSE = args.includes('--reuse');

/** Views as /mappa asks for them (a 1280×800 window): the query string of /api/map. */
const CITY = 'bbox=9.03,45.377,9.29,45.545&zoom=11';
const MUNICIPIO_3 = 'bbox=9.19,45.455,9.27,45.505&zoom=13';
const STREET = 'bbox=9.2225,45.4765,9.2315,45.4797&zoom=16';

const SCENARIOS: { label: string; queries: string[] }[] = [
	{ label: 'city, zoom 11', queries: [CITY] },
	{ label: 'municipio, zoom 13', queries: [MUNICIPIO_3] },
	{ label: 'street, zoom 16', queries: [STREET] },
	{ label: 'text, city', queries: [`q=nido&${CITY}`, `q=assistenza domiciliare&${CITY}`, `q=affitto&${MUNICIPIO_3}`] },
	{
		label: 'area filter',
		queries: [`area=sostegno-a-casa&${CITY}`, `area=sostegno-economico&${MUNICIPIO_3}`, `area=nidi-micronidi&${STREET}`]
	},
	{ label: 'open now', queries: [`open_now=true&${CITY}`, `open_now=true&municipio=2&${MUNICIPIO_3}`] }
];

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

function parse(query: string): MapParams {
	const parsed = parseMapParams(new URLSearchParams(query));
	if (!parsed.ok) throw new Error(`${query}: ${parsed.error.message}`);
	return parsed.params;
}

async function measure(db: Db, label: string) {
	// a weekday morning, when most services are open
	const now = new Date('2026-03-11T09:30:00Z');
	console.log(`\n${label}: ${SERVICES} services and locations, ${RUNS} runs per scenario`);
	console.log(`${'scenario'.padEnd(20)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}  in view / features`);
	const all: number[] = [];
	for (const scenario of SCENARIOS) {
		const times: number[] = [];
		const shown = new Set<string>();
		// one unmeasured run per query warms the engine
		for (let run = -scenario.queries.length; run < RUNS; run++) {
			const params = parse(scenario.queries[(run + scenario.queries.length) % scenario.queries.length]!);
			const started = performance.now();
			const result = await findMapFeatures(db, params, { now });
			const elapsed = performance.now() - started;
			if (run >= 0) times.push(elapsed);
			shown.add(`${result.total_in_view}/${result.features.length}`);
		}
		times.sort((a, b) => a - b);
		all.push(...times);
		const cell = (p: number) => percentile(times, p).toFixed(1).padStart(9);
		console.log(`${scenario.label.padEnd(20)} ${cell(50)} ${cell(95)} ${cell(100)}  ${[...shown].slice(0, 3).join(', ')}`);
	}
	all.sort((a, b) => a - b);
	const cell = (p: number) => percentile(all, p).toFixed(1).padStart(9);
	console.log(`${'all'.padEnd(20)} ${cell(50)} ${cell(95)} ${cell(100)}`);
}

await benchOnEngines(
	{ services: SERVICES, dir: DIR, engine: ENGINE as BenchOptions['engine'], reuse: REUSE },
	measure
);
