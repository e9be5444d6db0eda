/**
 * npm run eval:search -- <dir> [--verbose] [--ablations]
 * Measures the search ranking on an evaluation set (the format of /work/shared/eval-dev/:
 * corpus.json + queries.json): a fresh in-memory database, the corpus imported through the
 * normal import path, the vocabulary refreshed, every query run with its filters, and
 * nDCG@10, MRR, recall@10 and the zero-result rate printed overall and per kind.
 * --ablations then switches each ranking choice off in turn and prints what it was worth.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '#lib/server/db/client.ts';
import { openDatabase } from '#lib/server/db/client.ts';
import { runMigrations } from '#lib/server/db/migrate.ts';
import { installReferenceData } from '#lib/server/db/install-reference-data.ts';
import { importServices } from '#lib/server/imports/import-services.ts';
import { defaultSearchParams } from '#lib/server/search/inputs.ts';
import { scoreQuery, summarizeMetrics, type MetricSummary, type QueryMetrics } from '#lib/server/search/metrics.ts';
import { installSearchVocabulary } from '#lib/server/search/install-search-vocabulary.ts';
import { RANKING } from '#lib/server/search/query-plan.ts';
import { refreshSearchVocabulary } from '#lib/server/search/refresh-search-vocabulary.ts';
import { SCORING, searchServices } from '#lib/server/search/search-services.ts';
import type { SearchOutcome } from '#lib/server/search/types.ts';

type EvalQuery = {
	id: string;
	q: string;
	lang: string;
	kind: string;
	filters?: {
		area?: string;
		audience?: string;
		municipio?: number;
		near?: { lat: number; lon: number; radius_km: number };
	};
	judgments: Record<string, number>;
};

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const ablations = args.includes('--ablations');
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
	console.error('usage: npm run eval:search -- <dir> [--verbose]   (dir holds corpus.json and queries.json)');
	process.exit(2);
}
const readJson = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));

const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
try {
	await runMigrations(database);
	await installReferenceData(database.db);
	const report = await importServices(database.db, readJson('corpus.json'));
	const vocabulary = await refreshSearchVocabulary(database.db);
	console.log(
		`corpus: ${report.created + report.updated} services imported, ${report.rejected.length} rejected; ` +
			`vocabulary: ${vocabulary.words} words, ${vocabulary.lexemes} stems`
	);
	for (const r of report.rejected) console.log(`  rejected [${r.index}] ${r.name ?? r.id}: ${r.reasons.join('; ')}`);

	const { queries } = readJson('queries.json') as { queries: EvalQuery[] };
	const perQuery = await runQueries(database.db, queries, verbose);
	const row = (label: string, s: MetricSummary) =>
		`${label.padEnd(12)} ${String(s.queries).padStart(4)}  ${s.ndcg.toFixed(3)}   ${s.mrr.toFixed(3)}  ${s.recall.toFixed(3)}    ${s.zeroRate.toFixed(3)}`;
	console.log(`\n${'kind'.padEnd(12)} ${'n'.padStart(4)}  nDCG@10 MRR    recall@10 zero-rate`);
	const kinds = [...new Set(queries.map((q) => q.kind))];
	for (const kind of kinds) {
		console.log(row(kind, summarizeMetrics(perQuery.filter((p) => p.query.kind === kind).map((p) => p.metrics))));
	}
	const overall = summarizeMetrics(perQuery.map((p) => p.metrics));
	console.log(row('all', overall));
	if (ablations) await runAblations(database.db, queries, overall);
} finally {
	await database.close();
}

async function runQueries(db: Db, queries: EvalQuery[], print: boolean) {
	const perQuery: { query: EvalQuery; metrics: QueryMetrics }[] = [];
	for (const query of queries) {
		const outcome = await runQuery(db, query);
		const metrics = scoreQuery(
			outcome.hits.map((h) => h.id),
			query.judgments
		);
		perQuery.push({ query, metrics });
		if (print) {
			const fix = outcome.correctedQuery ? ` -> "${outcome.correctedQuery}"` : '';
			console.log(
				`${query.id} ${query.kind.padEnd(10)} ndcg ${metrics.ndcg.toFixed(2)} rr ${metrics.rr.toFixed(2)} ` +
					`rec ${metrics.recall.toFixed(2)} total ${outcome.total}  "${query.q}"${fix}`
			);
			for (const [i, h] of outcome.hits.entries()) {
				console.log(`    ${i + 1}. [${query.judgments[h.id] ?? 0}] ${h.name}`);
			}
		}
	}
	return perQuery;
}

function runQuery(db: Db, query: EvalQuery): Promise<SearchOutcome> {
	const f = query.filters ?? {};
	return searchServices(
		db,
		defaultSearchParams({
			q: query.q,
			area: f.area ?? null,
			audience: f.audience ?? null,
			municipio: f.municipio ?? null,
			near: f.near ? { lat: f.near.lat, lon: f.near.lon } : null,
			radiusKm: f.near ? f.near.radius_km : null,
			perPage: 10
		})
	);
}

type Ablation = { label: string; apply: () => Promise<void> | void; undo: () => Promise<void> | void };

/** Each ranking choice switched off alone; the deltas are against the full engine. */
async function runAblations(db: Db, queries: EvalQuery[], full: MetricSummary) {
	const tweak = <T extends object>(target: T, change: Partial<T>): Ablation['apply'] => {
		const saved = { ...target };
		return () => {
			Object.assign(target, change);
			undoers.push(() => Object.assign(target, saved));
		};
	};
	const undoers: (() => void)[] = [];
	const restoreSettings = () => undoers.splice(0).forEach((u) => u());
	const cases: Ablation[] = [
		{
			label: 'no thesaurus',
			apply: async () => void (await db.execute(sql`DELETE FROM search_synonym`)),
			undo: async () => void (await installSearchVocabulary(db))
		},
		{
			label: 'no conversational stop words',
			apply: async () => void (await db.execute(sql`DELETE FROM search_stopword`)),
			undo: async () => void (await installSearchVocabulary(db))
		},
		{
			label: 'no lighter context words',
			apply: async () => void (await db.execute(sql`UPDATE search_synonym SET weight = 1`)),
			undo: async () => void (await installSearchVocabulary(db))
		},
		{
			label: 'no typo correction, no inflections',
			apply: async () => void (await db.execute(sql`DELETE FROM search_word`)),
			undo: async () => void (await refreshSearchVocabulary(db))
		},
		{ label: 'no inflections', apply: tweak(RANKING, { siblingFactor: 0 }), undo: restoreSettings },
		{ label: 'expansions weigh as typed words', apply: tweak(RANKING, { synonymFactor: 1, phraseFactor: 1 }), undo: restoreSettings },
		{ label: 'typed words in phrases at full weight', apply: tweak(RANKING, { coveredFactor: 1 }), undo: restoreSettings },
		{ label: 'no expansion order', apply: tweak(RANKING, { expansionDecay: 0 }), undo: restoreSettings },
		{ label: 'flat field weights', apply: tweak(SCORING, { weights: [1, 1, 1, 1] }), undo: restoreSettings },
		{ label: 'best alternative only', apply: tweak(SCORING, { otherAlternatives: 0 }), undo: restoreSettings },
		{ label: 'no coverage boost', apply: tweak(SCORING, { coverageBoost: 0 }), undo: restoreSettings },
		{ label: 'no information-desk prior', apply: tweak(SCORING, { deskPrior: 0 }), undo: restoreSettings }
	];
	const signed = (d: number) => `${d >= 0 ? '+' : ''}${d.toFixed(3)}`;
	console.log(`
${'ablation'.padEnd(40)} nDCG@10        MRR            recall@10      zero-rate`);
	for (const c of cases) {
		await c.apply();
		const s = summarizeMetrics((await runQueries(db, queries, false)).map((p) => p.metrics));
		await c.undo();
		console.log(
			`${c.label.padEnd(40)} ${s.ndcg.toFixed(3)} (${signed(s.ndcg - full.ndcg)})  ${s.mrr.toFixed(3)} (${signed(s.mrr - full.mrr)})  ` +
				`${s.recall.toFixed(3)} (${signed(s.recall - full.recall)})  ${s.zeroRate.toFixed(3)}`
		);
	}
}
