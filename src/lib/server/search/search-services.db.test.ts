import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { toSearchApiResponse } from './api-response.ts';
import { defaultSearchParams, parseSearchParams } from './inputs.ts';
import { FIXTURE_PLACES, FIXTURE_SERVICES, fixtureId, loadSearchFixture } from './search-fixture.ts';
import { analyzeQuery } from './analyze-query.ts';
import { romeClock } from './clock.ts';
import { orQuery, RANKING } from './query-plan.ts';
import { selectRows } from './rows.ts';
import { buildQuery, prescoreAlternatives, prescoreExpression, SCORING, searchServices, type Estimation } from './search-services.ts';
import type { SearchOutcome, SearchParams } from './types.ts';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
	await loadSearchFixture(t.db);
});
afterAll(() => t.destroy());

const ACTIVE = FIXTURE_SERVICES.filter((s) => s.status !== 'inactive');
/** Wednesday 11 March 2026, 10:00 in Milan (09:00 UTC). */
const WEDNESDAY_MORNING = new Date('2026-03-11T09:00:00Z');

const search = (overrides: Partial<SearchParams>, now = WEDNESDAY_MORNING) =>
	searchServices(t.db, defaultSearchParams({ perPage: 100, ...overrides }), { now });
const keys = (outcome: SearchOutcome) =>
	outcome.hits.map((h) => FIXTURE_SERVICES.find((s) => fixtureId(s.key) === h.id)?.key ?? h.id);

describe('ranking', () => {
	it('puts the rent grant first for "soldi per l\'affitto"', async () => {
		const outcome = await search({ q: "soldi per l'affitto" });
		expect(keys(outcome)[0]).toBe('contributo-affitto');
	});

	it('reaches the nurseries from "asilo", never the closed one nor asylum seekers first', async () => {
		const found = keys(await search({ q: 'asilo' }));
		expect(found.slice(0, 2).sort()).toEqual(['micronido-coccinella', 'nido-girasole']);
		expect(found).not.toContain('nido-chiuso');
		// "richiedenti asilo" is another meaning: found when asked for
		expect(keys(await search({ q: 'richiedenti asilo' }))[0]).toBe('richiedenti-asilo');
		expect(keys(await search({ q: 'asylum' }))[0]).toBe('richiedenti-asilo');
	});

	it('reaches the home carers from "badante"', async () => {
		expect(keys(await search({ q: 'badante' }))[0]).toBe('assistenti-familiari');
	});

	it('corrects a misspelt word and finds what was meant', async () => {
		const outcome = await search({ q: 'consulotrio' });
		expect(outcome.correctedQuery).toBe('consultorio');
		expect(keys(outcome)[0]).toBe('consultorio');
	});

	it('corrects one misspelt word in a longer query, keeping the others as typed', async () => {
		const outcome = await search({ q: 'Assistenza domiciliare anzaini' });
		expect(outcome.correctedQuery).toBe('Assistenza domiciliare anziani');
		expect(keys(outcome)[0]).toBe('assistenza-domiciliare');
	});

	it('lets the stemmer absorb a typo in an ending without calling it a correction', async () => {
		const outcome = await search({ q: 'consultoro' });
		expect(outcome.correctedQuery).toBeNull();
		expect(keys(outcome)[0]).toBe('consultorio');
	});

	it('does not "correct" words that are right', async () => {
		expect((await search({ q: 'nido' })).correctedQuery).toBeNull();
	});

	it('understands common English words', async () => {
		expect(keys(await search({ q: 'help with rent' }))[0]).toBe('contributo-affitto');
		expect(keys(await search({ q: 'lawyer' }))[0]).toBe('consulenza-legale');
	});

	it('finds the need in a whole sentence instead of returning nothing', async () => {
		const outcome = await search({ q: 'ci hanno mandato lo sfratto e non so dove andare a vivere con i miei figli' });
		expect(outcome.total).toBeGreaterThan(0);
		// the housing desk and the grant against evictions for arrears
		expect(keys(outcome).slice(0, 2).sort()).toEqual(['contributo-affitto', 'emergenza-abitativa']);
	});

	it('returns nothing for words nobody uses', async () => {
		const outcome = await search({ q: 'zzqxw' });
		expect(outcome).toMatchObject({ total: 0, hits: [], correctedQuery: null });
	});

	it('weighs a word in the name above the same word in a description', async () => {
		// "assistenza domiciliare" names one service; the social-work office only mentions it
		const found = keys(await search({ q: 'assistenza a domicilio' }));
		expect(found.indexOf('assistenza-domiciliare')).toBeLessThan(found.indexOf('servizio-sociale'));
	});
});

describe('filters', () => {
	it('browses every active service by name, without the inactive one', async () => {
		const outcome = await search({});
		expect(outcome.total).toBe(ACTIVE.length);
		const names = outcome.hits.map((h) => h.name.toLowerCase());
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'it')));
		expect(keys(outcome)).not.toContain('nido-chiuso');
	});

	it('filters by area and by sub-category', async () => {
		const byArea = keys(await search({ area: 'scuola' }));
		expect(byArea.sort()).toEqual(['italiano-stranieri', 'micronido-coccinella', 'nido-girasole']);
		const bySub = keys(await search({ area: 'nidi-micronidi' }));
		expect(bySub.sort()).toEqual(['micronido-coccinella', 'nido-girasole']);
	});

	it('filters by audience and by municipio', async () => {
		expect(keys(await search({ audience: 'anziani' })).sort()).toEqual([
			'assistenti-familiari',
			'assistenza-domiciliare',
			'servizio-sociale'
		]);
		expect(keys(await search({ municipio: 6 })).sort()).toEqual(['assistenza-domiciliare', 'consultorio', 'emporio']);
	});

	it('keeps only free services', async () => {
		const outcome = await search({ free: true });
		expect(outcome.total).toBe(ACTIVE.filter((s) => s.free).length);
		expect(outcome.hits.every((h) => h.freeOfCharge === true)).toBe(true);
	});

	it('keeps the services open now, on Milan time, overnight and seasonal hours included', async () => {
		expect(keys(await search({ openNow: true })).sort()).toEqual([
			'contributo-affitto',
			'nido-girasole',
			'servizio-sociale'
		]);
		// Thursday 02:00 in Milan: only the night shelter (open Wednesday 20:00 to 08:00)
		expect(keys(await search({ openNow: true }, new Date('2026-03-12T01:00:00Z')))).toEqual(['accoglienza-notturna']);
		// the summer centre opens only between its validity dates: Wednesday 15 July 2026, 10:00 (08:00 UTC)
		const july = keys(await search({ openNow: true }, new Date('2026-07-15T08:00:00Z')));
		expect(july).toContain('centro-estivo');
		expect(keys(await search({ openNow: true, q: 'centro estivo' }))).not.toContain('centro-estivo');
	});

	it('keeps services within the radius and orders a text-less search by distance', async () => {
		const m6 = FIXTURE_PLACES[6]!;
		const outcome = await search({ near: { lat: m6.lat, lon: m6.lon }, radiusKm: 1 });
		expect(keys(outcome).sort()).toEqual(['assistenza-domiciliare', 'consultorio', 'emporio']);
		expect(outcome.hits.every((h) => h.distanceKm !== null && h.distanceKm < 0.01)).toBe(true);

		const wide = await search({ near: { lat: m6.lat, lon: m6.lon }, radiusKm: 50 });
		const distances = wide.hits.map((h) => h.distanceKm!);
		expect(distances).toEqual([...distances].sort((a, b) => a - b));
		expect(wide.total).toBe(ACTIVE.filter((s) => s.municipio !== null).length);
	});

	it('without a radius, orders by distance and keeps services with no address last', async () => {
		const m1 = FIXTURE_PLACES[1]!;
		const outcome = await search({ near: { lat: m1.lat, lon: m1.lon } });
		expect(outcome.total).toBe(ACTIVE.length);
		// the two services of Municipio 1 sit at the point itself; a tie goes by name
		expect(keys(outcome).slice(0, 2)).toEqual(['richiedenti-asilo', 'servizio-sociale']);
		expect(outcome.hits.at(-1)).toMatchObject({ id: fixtureId('psicologo-online'), distanceKm: null });
	});

	it('combines text, area and municipio', async () => {
		const outcome = await search({ q: 'nido', area: 'scuola', municipio: 9 });
		expect(keys(outcome)).toEqual(['micronido-coccinella']);
		expect(outcome.hits[0]).toMatchObject({ municipio: 9, address: 'Via Garigliano 12, 20159 Milano' });
	});

	it('reports distance only when searching near a point', async () => {
		expect((await search({ q: 'nido' })).hits.every((h) => h.distanceKm === null)).toBe(true);
	});
});

describe('facets', () => {
	it('counts areas, sub-categories, audiences, municipi, free and open over the whole browse', async () => {
		const { facets } = await search({});
		expect(facets.area).toMatchObject({ scuola: 3, 'sostegno-economico': 2, 'accoglienza-abitativa': 3 });
		expect(facets.subcategory).toMatchObject({ 'nidi-micronidi': 2, badanti: 1 });
		expect(facets.audience).toMatchObject({ anziani: 3, 'bambini-0-3': 2 });
		expect(facets.municipio).toMatchObject({ '6': 3, '3': 2, '9': 2 });
		expect(facets.free).toBe(ACTIVE.filter((s) => s.free).length);
		expect(facets.openNow).toBe(3);
	});

	it('ignores a dimension\'s own filter and applies the others', async () => {
		const { facets, total } = await search({ area: 'scuola' });
		expect(total).toBe(3);
		// the area counts still show the other areas, so a family can switch
		expect(facets.area).toMatchObject({ scuola: 3, 'sostegno-economico': 2 });
		// the other dimensions count only school services
		expect(facets.municipio).toEqual({ '5': 1, '9': 2 });
		expect(facets.audience).toEqual({ 'bambini-0-3': 2, stranieri: 1, adulti: 1 });
		expect(facets.free).toBe(1);
	});

	it('counts the free facet without the free filter, and the others with it', async () => {
		const free = await search({ q: 'assistenza', free: true });
		const all = await search({ q: 'assistenza' });
		expect(free.facets.free).toBe(free.total);
		expect(all.facets.free).toBe(free.total);
		expect(free.total).toBeLessThan(all.total);
		// audience counts under the free filter: only free services
		const freeElderly = free.hits.filter((h) =>
			FIXTURE_SERVICES.find((s) => fixtureId(s.key) === h.id)?.audiences?.includes('anziani')
		).length;
		expect(free.facets.audience.anziani).toBe(freeElderly);
		expect(all.facets.audience.anziani).toBeGreaterThan(freeElderly);
	});
});

describe('pagination', () => {
	it('splits the results in disjoint pages and keeps the total', async () => {
		const pages = await Promise.all([1, 2, 3, 4].map((page) => search({ page, perPage: 4 })));
		const ids = pages.flatMap((p) => p.hits.map((h) => h.id));
		expect(new Set(ids).size).toBe(ACTIVE.length);
		expect(pages.every((p) => p.total === ACTIVE.length && p.perPage === 4)).toBe(true);
		expect(pages[3]!.hits).toHaveLength(ACTIVE.length - 12);
		const beyond = await search({ page: 9, perPage: 4 });
		expect(beyond).toMatchObject({ total: ACTIVE.length, page: 9, hits: [] });
	});

	it('pages a text search in relevance order', async () => {
		const all = await search({ q: 'assistenza anziani' });
		const second = await search({ q: 'assistenza anziani', page: 2, perPage: 2 });
		expect(second.hits.map((h) => h.id)).toEqual(all.hits.slice(2, 4).map((h) => h.id));
	});
});

describe('hostile input', () => {
	const hostile = [
		'"nido',
		"l'affitto'",
		"'; DROP TABLE service; --",
		'a & | ! :*',
		'nido:* & !asilo',
		'(((',
		'<script>alert(1)</script>',
		'🏠🍼 asilo 👶',
		'\u0000\u0007nido\u202e',
		'%_\\',
		'x'.repeat(10_000),
		'asilo '.repeat(2000)
	];
	it.each(hostile)('never throws: %s', async (raw) => {
		const parsed = parseSearchParams(new URLSearchParams({ q: raw }));
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.params.q.length).toBeLessThanOrEqual(200);
		const outcome = await searchServices(t.db, parsed.params, { now: WEDNESDAY_MORNING });
		expect(outcome.total).toBeGreaterThanOrEqual(0);
	});

	it('still searches the words around the noise', async () => {
		expect(keys(await search({ q: '🏠🍼 asilo 👶' }))).toContain('nido-girasole');
		expect(keys(await search({ q: "nido' OR 1=1 --" }))[0]).toMatch(/nido|micronido/);
	});

	it('leaves the directory intact', async () => {
		expect((await search({})).total).toBe(ACTIVE.length);
	});
});

describe('API shape', () => {
	it('maps an outcome to the public JSON', async () => {
		const m1 = FIXTURE_PLACES[1]!;
		const outcome = await search({ q: 'assistente sociale', near: { lat: m1.lat, lon: m1.lon }, radiusKm: 5 });
		const body = toSearchApiResponse(outcome);
		expect(Object.keys(body).sort()).toEqual(['corrected_query', 'estimated', 'facets', 'page', 'per_page', 'results', 'total']);
		expect(body.results[0]).toEqual({
			id: fixtureId('servizio-sociale'),
			name: 'Servizio Sociale Professionale Territoriale Municipio 1',
			organization: { id: expect.any(String), name: 'Ente Servizio Sociale Professionale Territoriale Municipio 1' },
			areas: ['informazioni', 'orientamento-servizi-sociali'],
			municipio: 1,
			distance_km: 0,
			url: expect.stringMatching(/^\/servizi\/[a-z0-9-]+$/)
		});
		expect(Object.keys(body.facets).sort()).toEqual(['area', 'audience', 'municipio']);
		expect(body.facets.area).toMatchObject({ informazioni: 1, 'orientamento-servizi-sociali': 1 });
	});
});

describe('estimated counts (a search reaching more than ESTIMATION.exactUpTo services)', () => {
	const m1 = FIXTURE_PLACES[1]!;
	const searches: Partial<SearchParams>[] = [
		{},
		{ area: 'sostegno-a-casa' },
		{ q: 'nido' },
		{ q: "soldi per l'affitto", free: true },
		{ q: 'assistenza', municipio: 3 },
		{ openNow: true },
		{ q: 'assistenza', openNow: true, free: true },
		{ near: { lat: m1.lat, lon: m1.lon }, radiusKm: 3 },
		{ near: { lat: m1.lat, lon: m1.lon }, radiusKm: 3, free: true },
		{ q: 'assistente sociale', near: { lat: m1.lat, lon: m1.lon }, radiusKm: 5 },
		{ near: { lat: m1.lat, lon: m1.lon } }
	];
	const estimated = (overrides: Partial<SearchParams>, estimation: Estimation) =>
		searchServices(t.db, defaultSearchParams({ perPage: 100, ...overrides }), {
			now: WEDNESDAY_MORNING,
			cache: false,
			estimation
		});
	/** No phrase counted before sampling: the tests below take the estimated path. */
	const UNCOUNTED = { phraseCountUpTo: 0, phraseEstimateUpTo: 0 };
	/** Every row in the sample, and never a total counted apart. */
	const WHOLE: Estimation = { exactUpTo: 0, sampleSize: 1_000_000, thinSample: 0, ...UNCOUNTED };
	/** Runs `check` with pools of two, so that the fixture fills them. */
	const withSmallPools = async (check: () => Promise<void>) => {
		const poolSize = SCORING.exactlyRanked;
		SCORING.exactlyRanked = 2;
		try {
			await check();
		} finally {
			SCORING.exactlyRanked = poolSize;
		}
	};

	it.each(searches.map((s) => [JSON.stringify(s), s] as const))(
		'with every row in the sample, counts and ranks %s as the exact search does',
		async (_, overrides) => {
			const exact = await search(overrides);
			const whole = await estimated(overrides, WHOLE);
			expect(exact.estimated).toBe(false);
			expect(whole.total).toBe(exact.total);
			expect(whole.facets).toEqual(exact.facets);
			expect(keys(whole)).toEqual(keys(exact));
		}
	);

	it('checks a sample for the text row by row with the same rows as through the index', async () => {
		const clock = romeClock(WEDNESDAY_MORNING);
		const matching = (where: SQL) =>
			selectRows<{ service_id: string }>(t.db, sql`SELECT e.service_id FROM search_entry e WHERE ${where} ORDER BY 1`);
		for (const text of ['nido', "soldi per l'affitto", 'consulotrio familiare', 'assistenza domiciliare per anziani']) {
			const q = buildQuery(defaultSearchParams({ q: text }), await analyzeQuery(t.db, text), clock);
			const viaIndex = await matching(q.where);
			expect(viaIndex.length, text).toBeGreaterThan(0);
			expect(await matching(q.whereRowByRow), text).toEqual(viaIndex);
		}
	});

	it('finds something for those searches (the comparison is not of empty lists)', async () => {
		for (const overrides of searches) expect((await search(overrides)).total, JSON.stringify(overrides)).toBeGreaterThan(0);
	});

	it('says the total is estimated only when it is: a browse counts it exactly, a short pool is every result', async () => {
		const browse = await estimated({}, { exactUpTo: 0, sampleSize: 30, thinSample: 0, ...UNCOUNTED });
		expect(browse).toMatchObject({ estimated: false, total: (await search({})).total });
		// who is open now comes from the sample
		expect(browse.facets.openNow).toBeGreaterThan(0);
		const short = await estimated({ q: 'assistenza' }, { exactUpTo: 0, sampleSize: 10, thinSample: 0, ...UNCOUNTED });
		expect(short).toMatchObject({ estimated: false, total: (await search({ q: 'assistenza' })).total });
	});

	it('scales a partial sample up, rounds it, and gives the same figures every time', async () => {
		await withSmallPools(async () => {
			const partial = { exactUpTo: 0, sampleSize: 10, thinSample: 0, ...UNCOUNTED };
			const text = await estimated({ q: 'assistenza', perPage: 2 }, partial);
			expect(text.estimated).toBe(true);
			expect(text.total).toBeGreaterThan(0);
			expect(text.total).toBe(Number(text.total.toPrecision(2)));
			expect(text.hits).toHaveLength(2);
			const again = await estimated({ q: 'assistenza', perPage: 2 }, partial);
			expect([again.total, again.facets]).toEqual([text.total, text.facets]);
		});
	});

	it('counts a phrase first: one matching few services takes the exact path, not the sample', async () => {
		const phrase = "soldi per l'affitto";
		expect((await analyzeQuery(t.db, phrase)).phraseEstimate).toBe(true);
		expect((await analyzeQuery(t.db, 'assistenza')).phraseEstimate).toBe(false);
		await withSmallPools(async () => {
			const sampled = { exactUpTo: 0, sampleSize: 1, thinSample: 0, ...UNCOUNTED };
			expect((await estimated({ q: phrase, perPage: 2 }, sampled)).estimated).toBe(true);
			const counted = await estimated({ q: phrase, perPage: 2 }, { ...sampled, phraseCountUpTo: 1000, phraseEstimateUpTo: Infinity });
			const exact = await search({ q: phrase, perPage: 2 });
			expect(counted).toMatchObject({ estimated: false, total: exact.total });
			expect(keys(counted)).toEqual(keys(exact));
			// a single word's count is already exact in the plan: it is not counted again
			expect((await estimated({ q: 'assistenza', perPage: 2 }, { ...sampled, phraseCountUpTo: 1000, phraseEstimateUpTo: Infinity })).estimated).toBe(true);
		});
	});

	it('counts exactly a total the sample holds too few of', async () => {
		await withSmallPools(async () => {
			for (const overrides of [{ q: 'assistenza' }, { near: { lat: m1.lat, lon: m1.lon }, radiusKm: 5 }]) {
				const thin = await estimated({ ...overrides, perPage: 2 }, { exactUpTo: 0, sampleSize: 10, thinSample: 1000, ...UNCOUNTED });
				expect(thin).toMatchObject({ estimated: false, total: (await search(overrides)).total });
			}
		});
	});

	it('draws the pool of a common word from the names that match when they fill it', async () => {
		await withSmallPools(async () => {
			const exact = await search({ q: 'nido', perPage: 2 });
			const fromNames = await estimated({ q: 'nido', perPage: 2 }, WHOLE);
			expect(keys(fromNames)).toEqual(keys(exact));
			// the third page needs more than the pool: the services matching in a description join
			const deeper = await estimated({ q: 'nido', perPage: 2, page: 3 }, WHOLE);
			expect(keys(deeper)).toEqual(keys(await search({ q: 'nido', perPage: 2, page: 3 })));
		});
	});

	it('draws the pool of a sentence from the services meeting two of its needs when they fill it', async () => {
		// a budget of one service: one need selects the candidates, the others only rank
		const budget = { ...RANKING };
		Object.assign(RANKING, { candidateBudget: 1, candidateShare: 0 });
		try {
			const plan = await analyzeQuery(t.db, 'assistenza domiciliare anziani');
			expect(plan.covering).not.toBeNull();
			await withSmallPools(async () => {
				const exact = await search({ q: 'assistenza domiciliare anziani', perPage: 2 });
				const covering = await estimated({ q: 'assistenza domiciliare anziani', perPage: 2 }, WHOLE);
				expect(keys(covering)).toEqual(keys(exact));
			});
		} finally {
			Object.assign(RANKING, budget);
		}
	});
});


describe('pre-score', () => {
	it('ranks the heavier stems once and still equals 4 × rank(heavier) + rank(all)', async () => {
		const queries = [
			'mio padre è malato e non riesce più a stare da solo in casa',
			"soldi per l'affitto",
			'servizi sociali',
			'nido',
			'assistenza domiciliare anziani'
		];
		let compared = 0;
		for (const query of queries) {
			const plan = await analyzeQuery(t.db, query);
			const { heavy, all } = prescoreAlternatives(plan);
			const rank = (q: string) => sql`ts_rank('{0.25,0.5,0.75,1}'::float4[], document, ${q}::tsquery)`;
			const rows = await selectRows<{ prescore: number; reference: number }>(
				t.db,
				sql`SELECT ${prescoreExpression(plan, sql`document`)}::float8 AS prescore,
					(4 * ${rank(orQuery(heavy))} + ${rank(orQuery(all))})::float8 AS reference
				FROM search_entry WHERE document @@ ${plan.retrieval}::tsquery`
			);
			for (const row of rows) expect(row.prescore).toBeCloseTo(row.reference, 5);
			compared += rows.length;
		}
		expect(compared).toBeGreaterThan(10);
	});
});
