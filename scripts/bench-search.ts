/**
 * npm run bench:search [-- --services 100000 --runs 40 --dir .data/bench --engine pglite|postgres --reuse --trace]
 * Seeds a scaled directory into a fresh database with bulk SQL — services recombined from the
 * curated Milan services of data/seed (names, descriptions, categories), spread over the nine
 * municipi with coordinates, opening hours and prices — refreshes the search documents and the
 * vocabulary, then prints p50/p95 latency of searchServices() for a mix of searches.
 * Always on PGlite; on PostgreSQL too when DATABASE_URL is set (a temporary database is created
 * on that server and dropped afterwards). With --dir the PGlite database lives in that folder and
 * is reused by the next run with the same --services, which then skips the seeding; --reuse does
 * the same with the PostgreSQL database DATABASE_URL names (a dedicated one: it is seeded).
 */
import type { Db } from '#lib/server/db/client.ts';
import { defaultSearchParams } from '#lib/server/search/inputs.ts';
import { searchServices } from '#lib/server/search/search-services.ts';
import type { SearchParams } from '#lib/server/search/types.ts';
import { benchOnEngines, type BenchOptions } from './bench/scaled-directory.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
	const i = args.indexOf(`--${name}`);
	const value = i >= 0 ? Number(args[i + 1]) : fallback;
	if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive integer`);
	return value;
};
const SERVICES = option('services', 100_000);
const dirAt = args.indexOf('--dir');
const DIR = dirAt >= 0 ? args[dirAt + 1] : undefined;
/** Prints the time of every statement of one run per scenario. */
const TRACE = args.includes('--trace');
const engineAt = args.indexOf('--engine');
const ENGINE = engineAt >= 0 ? args[engineAt + 1] : 'both';
const RUNS = option('runs', 40);
/** Bench in the database DATABASE_URL names, kept for the next run, instead of a temporary one. */
const REUSE = args.includes('--reuse');
const WARMUP = 3;

type Scenario = { label: string; params: Partial<SearchParams>[] };

const SCENARIOS: Scenario[] = [
	{ label: 'single keyword', params: ['logopedia', 'badante', 'nido', 'affitto', 'consultorio'].map((q) => ({ q })) },
	{
		label: 'colloquial phrase',
		params: ["soldi per l'affitto", 'non arrivo a fine mese', 'mio figlio lo prendono in giro a scuola'].map((q) => ({ q }))
	},
	{
		label: 'long sentence',
		params: [
			{ q: 'sono una mamma sola con un bambino piccolo e lavoro tutto il giorno, non so a chi lasciarlo' },
			{ q: 'mio padre è malato e non riesce più a stare da solo in casa, cerchiamo qualcuno che lo aiuti' }
		]
	},
	{ label: 'typo', params: ['asistenza domiciliare', 'bulismo', 'consulotrio familiare'].map((q) => ({ q })) },
	{
		label: 'filters only',
		params: [
			{ area: 'sostegno-economico', municipio: 4 },
			{ audience: 'anziani', free: true },
			{ area: 'nidi-micronidi' }
		]
	},
	{
		label: 'text + area + municipio',
		params: [
			{ q: 'assistenza', area: 'sostegno-a-casa', municipio: 3 },
			{ q: 'centro', area: 'tempo-libero', municipio: 8 }
		]
	},
	{
		label: 'near + radius',
		params: [
			{ near: { lat: 45.4642, lon: 9.19 }, radiusKm: 2 },
			{ q: 'nido', near: { lat: 45.4981, lon: 9.2081 }, radiusKm: 3 }
		]
	},
	{ label: 'open now', params: [{ q: 'sportello', openNow: true }, { openNow: true, municipio: 2 }] },
	{ label: 'page 5', params: [{ q: 'servizi sociali', page: 5 }, { q: 'anziani', page: 5 }] },
	{ label: 'browse (no text)', params: [{}] }
];

const ms = (n: number) => n.toFixed(1).padStart(9);
const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/**
 * Times every scenario twice: cold, with the result cache off (every search reads its matches),
 * and repeated, with the cache on and the same searches asked again within the same minute (a
 * family paging, popular searches, the A-Z index's links).
 */
async function measure(db: Db, label: string) {
	// a weekday morning, when most services are open
	const now = new Date('2026-03-11T09:30:00Z');
	console.log(`\n${label}: ${SERVICES} services, ${RUNS} runs per scenario (ms)`);
	console.log(
		`${'scenario'.padEnd(26)} ${'cold p50'.padStart(9)} ${'cold p95'.padStart(9)} ${'cold max'.padStart(9)} ${'rep. p50'.padStart(9)} ${'rep. p95'.padStart(9)}  results`
	);
	const everything = { cold: [] as number[], repeated: [] as number[] };
	for (const scenario of SCENARIOS) {
		const totals = new Set<number>();
		if (TRACE) await trace(db, defaultSearchParams(scenario.params[0]), now);
		const time = async (cache: boolean) => {
			const times: number[] = [];
			// repeated: every search of the scenario has been asked once before
			if (cache) for (const params of scenario.params) await searchServices(db, defaultSearchParams(params), { now });
			for (let run = -WARMUP; run < RUNS; run++) {
				const params = defaultSearchParams(scenario.params[(run + WARMUP) % scenario.params.length]);
				const started = performance.now();
				const outcome = await searchServices(db, params, { now, cache });
				if (run >= 0) times.push(performance.now() - started);
				totals.add(outcome.total);
			}
			return times.sort((a, b) => a - b);
		};
		const cold = await time(false);
		const repeated = await time(true);
		everything.cold.push(...cold);
		everything.repeated.push(...repeated);
		console.log(
			`${scenario.label.padEnd(26)} ${ms(percentile(cold, 50))} ${ms(percentile(cold, 95))} ${ms(cold.at(-1)!)} ${ms(percentile(repeated, 50))} ${ms(percentile(repeated, 95))}  ${[...totals].slice(0, 4).join('/')}`
		);
	}
	const cold = everything.cold.sort((a, b) => a - b);
	const repeated = everything.repeated.sort((a, b) => a - b);
	console.log(
		`${'all'.padEnd(26)} ${ms(percentile(cold, 50))} ${ms(percentile(cold, 95))} ${ms(cold.at(-1)!)} ${ms(percentile(repeated, 50))} ${ms(percentile(repeated, 95))}`
	);
}

async function trace(db: Db, params: SearchParams, now: Date) {
	const execute = db.execute.bind(db);
	const lines: string[] = [];
	db.execute = (async (query: Parameters<Db['execute']>[0]) => {
		const started = performance.now();
		const result = await execute(query);
		const text = JSON.stringify(query).match(/(SELECT|WITH)[^"\\]{0,40}/)?.[0] ?? '?';
		lines.push(`    ${(performance.now() - started).toFixed(1).padStart(7)} ms  ${text}`);
		return result;
	}) as Db['execute'];
	try {
		await searchServices(db, params, { now, cache: false });
	} finally {
		db.execute = execute;
	}
	console.log(lines.join('\n'));
}

await benchOnEngines(
	{ services: SERVICES, dir: DIR, engine: ENGINE as BenchOptions['engine'], reuse: REUSE },
	measure
);
