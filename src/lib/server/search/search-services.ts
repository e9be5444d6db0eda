/**
 * The search engine: free text (Italian stems, thesaurus, typo correction) ranked by how many
 * of the needs asked for a service matches, how rare their words are and where they appear
 * (name > keywords and categories > description > practical text), combined with filters and
 * facet counts. See docs/search.md for the design and the measurements behind each choice.
 */
import { sql, type SQL } from 'drizzle-orm';
import { readSearchCacheEnabled } from '../config.ts';
import type { DbOrTx } from '../db/client.ts';
import { loadReferenceTaxonomy } from '../taxonomy/reference.ts';
import { analyzeQuery, textArray } from './analyze-query.ts';
import { romeClock, type RomeClock } from './clock.ts';
import { MAX_RADIUS_KM } from './inputs.ts';
import { tilesAround } from './near-tiles.ts';
import { alternativeQuery, alternativeRankQuery, lexemeQuery, orQuery, type Alternative, type QueryPlan } from './query-plan.ts';
import { cacheFor, readSearchVersion } from './result-cache.ts';
import { selectRows, selectRowsAsJson } from './rows.ts';
import type { SearchFacets, SearchHit, SearchOutcome, SearchParams } from './types.ts';

export const SCORING = {
	/** ts_rank weights of D (practical text), C (description), B (keywords, categories), A (name). */
	weights: [0.25, 0.5, 0.75, 1] as [number, number, number, number],
	/** Share of each further alternative of a group a document matches (after the best one). */
	otherAlternatives: 0.3,
	/** How much covering all the query's needs raises the score (0: not at all). */
	coverageBoost: 2,
	/** Extra score of a general information desk, as a share of the query's best possible score. */
	deskPrior: 0.05,
	/**
	 * Candidates scored exactly: beyond this many, a cheap first pass (two ts_rank calls) keeps
	 * the most promising ones, so a word matching half the city does not cost a full ranking.
	 * Also the size of the ranked pool a search keeps (and the result cache holds) for its pages.
	 */
	exactlyRanked: 300
};

/**
 * Counts are exact while a search can reach at most `exactUpTo` services. One that may reach
 * more (a common word, "open now" across the city, a wide radius in a dense area) counts on a
 * sample of the services (inSample) sized to hold about `sampleSize` of its candidates, scaled up and
 * rounded to two significant figures (SearchOutcome.estimated), and draws its pool from the
 * narrowest matches that fill it (see rankPassing). On a city's directory (under 2,000 services
 * in Milan) every count is exact; at 100,000 services counting the 24,000 matches of "nido"
 * exactly reads all of them (docs/search.md, "Counting a search that reaches thousands").
 */
export const ESTIMATION = {
	exactUpTo: 5000,
	sampleSize: 1000,
	/**
	 * A sample holding fewer results than this (the ones passing every filter) would give a total
	 * more than 10% off: the total is then counted exactly, apart (a common word with narrow filters).
	 */
	thinSample: 100,
	/**
	 * A phrase estimated beyond exactUpTo, but not beyond phraseEstimateUpTo, is first counted,
	 * up to this many: when it matches no more, it takes the exact path, one statement, instead of
	 * drawing a pool through every narrower set and sampling ("mio figlio lo prendono in giro a
	 * scuola", estimated at 6,400 by "ascolto", 544 results: PGlite 120 → 38–48 ms, PostgreSQL
	 * 51–55 → 29–31). Past a thousand the exact path costs more than the estimate.
	 */
	phraseCountUpTo: 1000,
	/** A phrase whose rarest word is in more services seldom matches under a thousand: not counted. */
	phraseEstimateUpTo: 10_000
};
export type Estimation = typeof ESTIMATION;

const SUMMARY_LENGTH = 220;

export async function searchServices(
	db: DbOrTx,
	params: SearchParams,
	options: { now?: Date; cache?: boolean; exact?: boolean; estimation?: Estimation } = {}
): Promise<SearchOutcome> {
	const clock = romeClock(options.now ?? new Date());
	const useCache = options.cache ?? readSearchCacheEnabled();
	const estimation = options.exact ? null : (options.estimation ?? ESTIMATION);
	const version = useCache ? await readSearchVersion(db) : 0;
	const key = cacheKey(params, clock, estimation);
	const window = params.page * params.perPage;
	let found = useCache ? cacheFor<Found>(db).get(version, key) : undefined;
	if (!found || !covers(found, window)) {
		found = await find(db, params, clock, window, estimation);
		if (useCache) cacheFor<Found>(db).set(version, key, found);
	}
	const counted = countFacets(found.signatures, params, found.estimated);
	const facets = counted.facets;
	if (found.openNow !== null) facets.openNow = found.openNow;
	const offset = (params.page - 1) * params.perPage;
	const ranked = found.pool.slice(offset, window);
	return {
		total: found.total ?? counted.total,
		estimated: found.estimated && found.total === null,
		page: params.page,
		perPage: params.perPage,
		hits: await loadHits(db, ranked, params),
		facets,
		correctedQuery: found.correctedQuery
	};
}

/** Everything about a search but the page: the same for every page, kept by the result cache. */
type Found = {
	/** The best matches in order: at least SCORING.exactlyRanked, or the pages asked so far. */
	pool: RankedRow[];
	/** The pool holds every kept match: any page can be cut from it. */
	complete: boolean;
	/** The facet signatures of the matches. */
	signatures: SignatureRow[];
	/** The open-now count when counted apart (a browse). */
	openNow: number | null;
	/** The facet counts come from a sample (see ESTIMATION). */
	estimated: boolean;
	/** The total, when counted exactly apart from sampled facets; else the signatures give it. */
	total: number | null;
	correctedQuery: string | null;
};

const covers = (found: Found, window: number) => found.complete || found.pool.length >= window;

/** Everything the result depends on but the page (and the clock's minute, for "open now"). */
const cacheKey = (params: SearchParams, clock: RomeClock, estimation: Estimation | null) =>
	JSON.stringify([
		estimation,
		params.q,
		params.area,
		params.audience,
		params.municipio,
		params.near,
		params.radiusKm,
		params.free,
		params.openNow,
		clock.date,
		clock.minuteOfWeek
	]);

async function find(
	db: DbOrTx,
	params: SearchParams,
	clock: RomeClock,
	window: number,
	estimation: Estimation | null
): Promise<Found> {
	const plan = params.q ? await analyzeQuery(db, params.q) : null;
	const query = buildQuery(params, plan, clock);
	const correctedQuery = plan?.correctedQuery ?? null;
	if (query.empty) {
		return { pool: [], complete: true, signatures: [], openNow: null, estimated: false, total: null, correctedQuery };
	}
	if (!plan && !params.near && !params.openNow) return { ...(await browse(db, query, params, window, estimation)), correctedQuery };
	const fraction = estimation ? await sampleFractionOf(db, estimation, params, plan) : null;
	const matches =
		estimation && fraction
			? await estimate(db, query, params, window, estimation, fraction)
			: await search(db, query, params, window);
	return { ...matches, correctedQuery };
}

/** The municipi together (ISTAT), km². */
const MILAN_AREA_KM2 = 181.67;
/** The share of the city a search near a point covers, as if services were spread evenly. */
const shareOfCity = (params: SearchParams) =>
	params.near && params.radiusKm !== null ? Math.min(1, (Math.PI * params.radiusKm ** 2) / MILAN_AREA_KM2) : 1;

/** The share of the entries to sample for a search that may reach `candidates` services, or null to count them all. */
export function sampleFraction(estimation: Estimation, candidates: number): number | null {
	return candidates > estimation.exactUpTo ? Math.min(1, estimation.sampleSize / candidates) : null;
}

/**
 * Whether to count a search on a sample, and how large a one: by the services its words may
 * reach, within the share of the city its radius covers. Near a point the set of places within
 * the radius is what the exact count reads first, so a large one is sampled too, even for rare
 * words.
 */
async function sampleFractionOf(
	db: DbOrTx,
	estimation: Estimation,
	params: SearchParams,
	plan: QueryPlan | null
): Promise<number | null> {
	// a text search's plan already read it
	const directory = plan ? plan.documents : await countDirectory(db);
	const share = shareOfCity(params);
	const reach = (plan ? Math.min(plan.candidates, directory) : directory) * share;
	if (params.near && directory * share > estimation.exactUpTo) return Math.min(1, estimation.sampleSize / Math.max(reach, 1));
	if (plan?.phraseEstimate && plan.retrieval && reach > estimation.exactUpTo && reach <= estimation.phraseEstimateUpTo) {
		const matches = await countMatchesUpTo(db, plan.retrieval, estimation.phraseCountUpTo + 1);
		if (matches <= estimation.phraseCountUpTo) return null;
	}
	return sampleFraction(estimation, reach);
}

/** How many active services match the tsquery, counted up to `limit`. */
async function countMatchesUpTo(db: DbOrTx, retrieval: string, limit: number): Promise<number> {
	const [row] = await selectRows<{ n: number }>(
		db,
		sql`SELECT count(*)::int AS n FROM (
				SELECT 1 FROM search_entry e WHERE e.active AND e.document @@ ${retrieval}::tsquery LIMIT ${limit}
			) matching`
	);
	return row?.n ?? 0;
}

/** The active services, as the vocabulary's last refresh counted them. */
async function countDirectory(db: DbOrTx): Promise<number> {
	const [row] = await selectRows<{ n: number }>(db, sql`SELECT documents AS n FROM search_corpus WHERE id = 1`);
	return row?.n ?? 0;
}

export type BuiltQuery = {
	plan: QueryPlan | null;
	/** Common table expressions the other parts rely on (the services near the point). */
	ctes: SQL[];
	/** search_entry, or search_filter_entry without text. */
	table: SQL;
	/** Within a radius and without text: search_point alone holds everything the search reads. */
	placesAlone: boolean;
	/** e's service matches the text (a semi-join on the documents' index); true without text. */
	matchesText: SQL;
	/** FROM search_entry e (search_filter_entry e without text) [JOIN near]; within a radius without text, near e. */
	from: SQL;
	/** The join to the services near the point, empty without one (the map joins it to its points). */
	join: SQL;
	/** The straight-line distance to the point of the nearest place (NULL without a point). */
	chord: SQL;
	/** A place (search_point under that alias) lies within the radius; true without one. */
	within: (place: SQL) => SQL;
	/**
	 * The same per entry e, for the reads that do not build the near set (a sample, a pool): a
	 * join giving n.chord, the chord to its nearest place within the radius (NULL when none, or
	 * without a point), and the condition that there is one (true without a radius), checked
	 * only on the entries with a place in a tile the circle touches (near-tiles.ts).
	 */
	nearest: SQL;
	nearKept: SQL;
	/** The point searched near, as an earth value. */
	origin: SQL | null;
	/** Conditions every row must meet: active, and the text when there is one. */
	where: SQL;
	/** The same, the text checked on each row read instead of through the documents' index. */
	whereRowByRow: SQL;
	filters: { area: SQL; audience: SQL; municipio: SQL; free: SQL; openNow: SQL };
	/**
	 * Every filter, as a read of every match or place (the map) checks it best: the facets through
	 * the signatures passing them (passingBySignature); "open now" on search_point e through the
	 * keys of the weeks open at the minute.
	 */
	passingOnEntry: SQL;
	passingOnPlace: SQL;
	openNow: SQL;
	/** Text was typed but nothing in it can match: no results. */
	empty: boolean;
};

const TRUE = sql`true`;
const origin = (point: { lat: number; lon: number }) => sql`ll_to_earth(${point.lat}::float8, ${point.lon}::float8)`;
const withClause = (ctes: SQL[]) => (ctes.length > 0 ? sql`WITH ${sql.join(ctes, sql`, `)}` : sql``);

export function buildQuery(params: SearchParams, plan: QueryPlan | null, clock: RomeClock): BuiltQuery {
	const near = params.near;
	const radiusMeters = (params.radiusKm ?? MAX_RADIUS_KM) * 1000;
	const text = Boolean(plan?.retrieval);
	// within a radius and without text, the places carry all the entry values search needs: the
	// nearest place of each service is its entry, no join to the entries
	const placesAlone = near !== null && params.radiusKm !== null && !text;
	const ctes = near
		? [
				// the GiST index of the search points finds the box around the circle, the straight-line
				// (chord) distance trims it to the circle; great-circle distances are computed only
				// for the results shown (see chordToKm), which saves a trigonometric call per point
				sql`near AS (
				SELECT DISTINCT ON (service_id) *
				FROM (
					SELECT p.service_id, cube_distance(${origin(near)}, p.earth) AS chord${placesAlone ? sql`, ${ENTRY_VALUES}` : sql``}
					FROM search_point p
					WHERE earth_box(${origin(near)}, ${radiusMeters}::float8) @> p.earth
				) located
				WHERE chord <= ${radiusToChord(radiusMeters)}::float8
				ORDER BY service_id, chord
			)`
			]
		: [];
	// without a radius "near" only orders: services with no known place stay, last
	const nearJoin = near
		? params.radiusKm !== null
			? sql` JOIN near ON near.service_id = e.service_id`
			: sql` LEFT JOIN near ON near.service_id = e.service_id`
		: sql``;
	// dated schedules (summer centres) have their weeks precomputed with their validity: the
	// services open now among them are one uncorrelated, hashed subquery
	const openNowWhen = (weekOpen: SQL) => sql`(${weekOpen} OR (e.dated_schedules AND e.service_id IN (
		SELECT o.service_id FROM search_dated_opening o
		WHERE (o.valid_from IS NULL OR o.valid_from <= ${clock.date}::date)
			AND (o.valid_to IS NULL OR o.valid_to >= ${clock.date}::date)
			AND o.week @> ${clock.minuteOfWeek}::int
	)))`;
	const openNow = openNowWhen(sql`e.open_week @> ${clock.minuteOfWeek}::int`);
	// a place's week by its key, among the few weeks open at this minute (search_week)
	const openNowOnPlace = openNowWhen(
		sql`e.week_key IN (SELECT w.week_key FROM search_week w WHERE w.week @> ${clock.minuteOfWeek}::int)`
	);
	const bySignature = passingBySignature(params);
	// without text nothing needs the document: the narrow copy of the entries is half the pages
	const table = text ? sql`search_entry` : sql`search_filter_entry`;
	const within = (place: SQL) =>
		near && params.radiusKm !== null
			? sql`earth_box(${origin(near)}, ${radiusMeters}::float8) @> ${place}.earth
				AND cube_distance(${origin(near)}, ${place}.earth) <= ${radiusToChord(radiusMeters)}::float8`
			: TRUE;
	return {
		plan,
		ctes,
		table,
		placesAlone,
		matchesText: text
			? sql`e.service_id IN (SELECT t.service_id FROM search_entry t WHERE t.document @@ ${plan!.retrieval}::tsquery)`
			: TRUE,
		from: placesAlone ? sql`near e` : sql`${table} e${nearJoin}`,
		join: nearJoin,
		chord: placesAlone ? sql`e.chord` : near ? sql`near.chord` : sql`NULL::float8`,
		within,
		// a service with one place has its point on the entry; the others' places are looked up by
		// an aggregate in a scalar subquery, which is never turned into a join: each row checks its
		// own places through the primary key, instead of the planner building the set of places in
		// the radius first (tens of thousands at 3 km in a large directory)
		nearest: near
			? sql` CROSS JOIN LATERAL (
					SELECT CASE
						WHEN e.earth IS NULL THEN (
							SELECT min(cube_distance(${origin(near)}, p.earth))
							FROM search_point p WHERE p.service_id = e.service_id AND ${within(sql`p`)}
						)
						WHEN ${within(sql`e`)} THEN cube_distance(${origin(near)}, e.earth)
					END AS chord
				) n`
			: sql``,
		nearKept: near && params.radiusKm !== null ? sql`${inTiles(tilesAround(near, radiusMeters))}n.chord IS NOT NULL` : TRUE,
		origin: near ? origin(near) : null,
		where: text ? sql`e.active AND e.document @@ ${plan!.retrieval}::tsquery` : sql`e.active`,
		// ts_match_vq is the function behind @@, which no index serves
		whereRowByRow: text ? sql`e.active AND ts_match_vq(e.document, ${plan!.retrieval}::tsquery)` : sql`e.active`,
		filters: { ...filtersOf(params), openNow: params.openNow ? openNow : TRUE },
		passingOnEntry: sql`${bySignature} AND ${params.openNow ? openNow : TRUE}`,
		passingOnPlace: sql`${bySignature} AND ${params.openNow ? openNowOnPlace : TRUE}`,
		openNow,
		empty: plan !== null && !plan.retrieval
	};
}

/**
 * The entry e has its places in one of the tiles, or in no single tile (near-tiles.ts): the
 * prefilter of a radius, nothing when the circle touches too many tiles.
 */
const inTiles = (tiles: number[] | null) =>
	tiles ? sql`(e.tile = ANY(${`{${tiles.join(',')}}`}::int[]) OR e.tile IS NULL) AND ` : sql``;

/** The columns search reads of an entry, as search_point repeats them for each place. */
const ENTRY_VALUES = sql.raw(
	['active', 'area_codes', 'audience_codes', 'municipi', 'free', 'open_week', 'dated_schedules', 'signature', 'sort_key', 'general_desk']
		.map((c) => `p.${c}`)
		.join(', ')
);

/** The filters but "open now" (which needs the clock) on the rows under `alias`: search_entry e by default. */
function filtersOf(params: SearchParams, alias = 'e') {
	const row = sql.raw(alias);
	return {
		area: params.area ? sql`${row}.area_codes @> ${textArray([params.area])}` : TRUE,
		audience: params.audience ? sql`${row}.audience_codes @> ${textArray([params.audience])}` : TRUE,
		municipio: params.municipio ? sql`${row}.municipi @> ARRAY[${params.municipio}::smallint]` : TRUE,
		free: params.free ? sql`${row}.free` : TRUE
	};
}

/**
 * The same filters as the facet signatures that pass them (search_signature holds each
 * signature's values): one hashed probe of e's signature per row instead of its arrays checked,
 * for a read of every place (a filtered map of the city 80 -> 60 ms on PGlite at 100,000).
 */
function passingBySignature(params: SearchParams): SQL {
	if (!params.area && !params.audience && !params.municipio && !params.free) return TRUE;
	const s = filtersOf(params, 's');
	return sql`e.signature IN (
		SELECT s.signature FROM search_signature s WHERE ${s.area} AND ${s.audience} AND ${s.municipio} AND ${s.free}
	)`;
}

type RankedRow = { service_id: string; km: number | null };

/** A combination of facet values and how many of the matching services have it. */
type SignatureRow = {
	areas: string[];
	audiences: string[];
	municipi: number[];
	free: boolean;
	/** Null when not known (a browse without the open-now filter counts it apart). */
	open_now: boolean | null;
	n: number;
};

/**
 * The codes of a signature travel as comma-separated text: parsing hundreds of array literals
 * costs PGlite's driver more than the query itself.
 */
const SIGNATURE_CODES = sql`array_to_string(s.area_codes, ',') AS areas, array_to_string(s.audience_codes, ',') AS audiences,
	array_to_string(s.municipi, ',') AS municipi`;
type SignatureText = Omit<SignatureRow, 'areas' | 'audiences' | 'municipi'> & {
	areas: string | null;
	audiences: string | null;
	municipi: string | null;
};
const splitCodes = (text: string | null) => (text ? text.split(',') : []);
const fromText = (r: SignatureText): SignatureRow => ({
	...r,
	areas: splitCodes(r.areas),
	audiences: splitCodes(r.audiences),
	municipi: splitCodes(r.municipi).map(Number)
});

/** What browse() and search() find; find() adds the corrected query. */
type Matches = Omit<Found, 'correctedQuery'>;

/**
 * No text, no place, no opening filter: the pool walks the name index, the facets come from the
 * per-signature counts the triggers keep, and only "open now" is counted over the services (on a
 * sample when the filters leave more than ESTIMATION.exactUpTo, then rounded).
 */
async function browse(
	db: DbOrTx,
	q: BuiltQuery,
	params: SearchParams,
	window: number,
	estimation: Estimation | null
): Promise<Matches> {
	const f = q.filters;
	const poolSize = Math.max(SCORING.exactlyRanked, window);
	const signatures = (
		await selectRowsAsJson<SignatureText>(
			db,
			sql`SELECT ${SIGNATURE_CODES}, s.free, NULL::boolean AS open_now, s.services AS n
				FROM search_signature s WHERE s.services > 0`
		)
	).map(fromText);
	const fraction = estimation ? sampleFraction(estimation, countFacets(signatures, params, false).total) : null;
	const [pool, open] = await Promise.all([
		firstByName(db, passingAll(f), poolSize, params),
		selectRows<{ n: number }>(
			db,
			sql`SELECT count(*)::int AS n FROM ${q.from}
				WHERE ${q.where} AND ${passingAll(f)} AND ${q.openNow} AND ${inSample(fraction ?? 1)}`
		)
	]);
	const openNow = open[0]?.n ?? 0;
	return {
		pool,
		complete: pool.length < poolSize,
		signatures,
		// the signature counts are exact: only who is open now may come from a sample, rounded
		openNow: fraction ? roundEstimate(openNow / fraction) : openNow,
		estimated: false,
		total: null
	};
}

/**
 * The row e belongs to a sample of `fraction` of the services: those whose id hashes into the
 * lowest `fraction` of the int4 range. The same services every time (a reload shows the same
 * figures) and in every table (all the places of a sampled service are in: counting services
 * on places stays unbiased), unrelated to what a service is or where it is stored (a block
 * sample was wrong by up to half on a directory stored in order of import), and read through
 * the hash's index, which the planner combines with the text and filter indexes: a Bernoulli
 * sample reads every page of the table (docs/search.md).
 */
const inSample = (fraction: number) =>
	fraction >= 1 ? TRUE : sql`uuid_hash(e.service_id) < ${sampleThreshold(fraction)}::int`;

/** The hash below which `fraction` of the uniformly spread int4 hashes fall. */
export const sampleThreshold = (fraction: number) => Math.floor(-(2 ** 31) + Math.max(0, fraction) * 2 ** 32);

/**
 * The first `limit` active services meeting `condition` on search_filter_entry e, by name: the
 * area's own list in name order when a search is within an area (search_area_name), else the
 * name index of every service. Walking every name to fill an area's page read 63,000 services
 * for "nidi e micronidi" (50–75 ms on PostgreSQL at 100,000), whose names sit together. An area
 * narrowed to a municipio or a group of people is read through the filters' indexes and sorted:
 * a few thousand rows, where the planner would hash the area's whole list against them
 * ("sostegno economico" in municipio 4 on PGlite: 36 ms through the list, 16 without).
 */
async function firstByName(db: DbOrTx, condition: SQL, limit: number, params: SearchParams): Promise<RankedRow[]> {
	const area = params.municipio === null && params.audience === null ? params.area : null;
	const rows = await selectRows<HitText>(
		db,
		area
			? sql`SELECT e.service_id, NULL::float8 AS chord
				FROM search_area_name a JOIN search_filter_entry e ON e.service_id = a.service_id
				WHERE a.code = ${area} AND e.active AND ${condition}
				ORDER BY a.sort_key, a.service_id LIMIT ${limit}`
			: sql`SELECT e.service_id, NULL::float8 AS chord FROM search_filter_entry e
				WHERE e.active AND ${condition} ORDER BY e.sort_key, e.service_id LIMIT ${limit}`
	);
	return rows.map(toRanked);
}

/** Failing at most one filter: what counts in some facet (standard facet semantics). */
const inSomeFacet = (f: BuiltQuery['filters']) =>
	sql`(NOT ${f.area})::int + (NOT ${f.audience})::int + (NOT ${f.municipio})::int + (NOT ${f.free})::int + (NOT ${f.openNow})::int <= 1`;

/** Passing every filter: what the results are made of. */
const passingAll = (f: BuiltQuery['filters']) => sql`${f.area} AND ${f.audience} AND ${f.municipio} AND ${f.free} AND ${f.openNow}`;

/**
 * Text, a place or the opening filter, counted exactly: one statement reads the candidates once,
 * then ranks the pool (by relevance with text, the distance breaking ties; by distance near a
 * point; else by name) and counts the facet signatures of the same candidates. A candidate
 * failing two or more filters can count in no facet and is left out from the start. The pool
 * holds the best SCORING.exactlyRanked matches, or as many as the page asked needs.
 */
async function search(db: DbOrTx, q: BuiltQuery, params: SearchParams, window: number): Promise<Matches> {
	const f = q.filters;
	const plan = q.plan;
	const text = plan?.retrieval ? plan : null;
	const poolSize = Math.max(SCORING.exactlyRanked, window);
	const kept = passingAll(f);
	// the cheap pre-score is computed in the same pass, so the documents are not copied
	const candidates = sql`candidate AS MATERIALIZED (
		SELECT e.service_id, e.sort_key, e.general_desk, e.signature,
			${q.chord}::float8 AS chord,
			${q.openNow} AS open_now,
			${kept} AS kept
			${text ? sql`, CASE WHEN ${kept} THEN ${prescoreExpression(text, sql`document`)} END AS prescore` : sql``}
		FROM ${q.from}
		WHERE ${q.where} AND ${inSomeFacet(f)}
	)`;
	const tail = params.near ? sql`chord NULLS LAST, sort_key, service_id` : sql`sort_key, service_id`;
	const ranking = text
		? [
				sql`promising AS (
					SELECT * FROM candidate WHERE kept ORDER BY prescore DESC, ${tail} LIMIT ${poolSize}
				)`,
				...scoredPool(text, tail)
			]
		: [
				sql`pool AS (
					SELECT service_id, chord, row_number() OVER (ORDER BY ${tail}) AS position
					FROM candidate WHERE kept ORDER BY position LIMIT ${poolSize}
				)`
			];
	const rows = await selectRowsAsJson<({ kind: 'hit'; position: number } & HitText) | ({ kind: 'facet' } & SignatureText)>(
		db,
		sql`${withClause([
			...q.ctes,
			candidates,
			...ranking,
			sql`grouped AS (SELECT signature, open_now, count(*)::int AS n FROM candidate GROUP BY 1, 2)`
		])}
			SELECT 'hit' AS kind, service_id, chord, NULL AS areas, NULL AS audiences, NULL AS municipi,
				NULL::boolean AS free, NULL::boolean AS open_now, NULL::int AS n, position
			FROM pool
			UNION ALL
			SELECT 'facet', NULL, NULL, ${SIGNATURE_CODES}, s.free, g.open_now, g.n, NULL
			FROM grouped g JOIN search_signature s ON s.signature = g.signature`
	);
	const pool = rows
		.filter((r): r is { kind: 'hit'; position: number } & HitText => r.kind === 'hit')
		.sort((a, b) => a.position - b.position)
		.map(toRanked);
	return {
		pool,
		complete: pool.length < poolSize,
		signatures: rows.filter((r): r is { kind: 'facet' } & SignatureText => r.kind === 'facet').map(fromText),
		openNow: null,
		estimated: false,
		total: null
	};
}

type HitText = { service_id: string; chord: number | null };
const toRanked = (r: HitText): RankedRow => ({ service_id: r.service_id, km: r.chord === null ? null : chordToKm(r.chord) });

/**
 * The exact relevance of the rows of a `promising` CTE, read again from their documents by key,
 * as a `pool` CTE with each row's position.
 */
function scoredPool(text: QueryPlan, tail: SQL): SQL[] {
	const scoring = scoreExpression(text);
	return [
		sql`scored AS (
			SELECT p.service_id, p.sort_key, p.general_desk, p.chord, ${scoring.columns}
			FROM promising p JOIN search_entry d ON d.service_id = p.service_id
		)`,
		sql`pool AS (
			SELECT service_id, chord, row_number() OVER (ORDER BY ${scoring.score} DESC, ${tail}) AS position
			FROM scored
		)`
	];
}

/**
 * A search that may reach more than ESTIMATION.exactUpTo services: the facet signatures of a
 * sample of its candidates, scaled up, and, in parallel, a pool of the best matches passing every
 * filter. Neither builds the set of services near the point: the sample checks each of its rows,
 * the pool walks the spatial index from the point or checks each text match.
 */
async function estimate(
	db: DbOrTx,
	q: BuiltQuery,
	params: SearchParams,
	window: number,
	estimation: Estimation,
	fraction: number
): Promise<Matches> {
	const poolSize = Math.max(SCORING.exactlyRanked, window);
	const sampling = sampleSignatures(db, q, fraction);
	// a thin sample is counted again, exactly, as soon as it is known, while the pool is still
	// being drawn ("centro" in an area and a municipio: 41 -> 37 ms, "open now" in municipio 2: 36 -> 28)
	const counting = sampling.then((signatures) =>
		countFacets(signatures, params, false).total * fraction < estimation.thinSample ? countPassing(db, q) : null
	);
	const [pool, signatures, counted] = await Promise.all([rankPassing(db, q, params, poolSize), sampling, counting]);
	// a pool short of its size holds every result
	const total = pool.length < poolSize ? pool.length : counted;
	return { pool, complete: pool.length < poolSize, signatures, openNow: null, estimated: true, total };
}

/** How many services pass every filter and the text, near the point when there is one, exactly. */
async function countPassing(db: DbOrTx, q: BuiltQuery): Promise<number> {
	const kept = passingAll(q.filters);
	const [row] = await selectRows<{ n: number }>(
		db,
		q.placesAlone
			? sql`SELECT count(DISTINCT e.service_id)::int AS n FROM search_point e
				WHERE e.active AND ${kept} AND ${q.within(sql`e`)}`
			: // the filters' indexes are on search_filter_entry: a thin result is usually the filters'
				// doing, and the text is then checked on the few services they leave
				sql`SELECT count(*)::int AS n FROM search_filter_entry e${q.nearest}
				WHERE e.active AND ${kept} AND ${q.nearKept} AND ${q.matchesText}`
	);
	return row?.n ?? 0;
}

/**
 * The best `poolSize` matches passing every filter. Without text, by name, or nearest first from
 * the spatial index. With text, the pool is drawn from the narrowest set of matches that fills
 * it: the services whose names match (search_filter_entry.title); those whose names, keywords
 * or categories (.head, a fifth of the documents) meet two of the query's needs or more
 * (QueryPlan.covering), then one; the same in whole documents. The name outweighs the keywords
 * and categories, which outweigh the description, and coverage multiplies the score, so a
 * service matching only further down would rank below the ones drawn; ranking only the sets
 * that fill the pool saves scoring the 13,000 services a common word of a long sentence reaches.
 */
async function rankPassing(db: DbOrTx, q: BuiltQuery, params: SearchParams, poolSize: number): Promise<RankedRow[]> {
	const kept = passingAll(q.filters);
	const text = q.plan;
	const retrieval = text?.retrieval;
	if (!text || !retrieval) {
		return q.origin ? nearestPassing(db, q, params, poolSize) : firstByName(db, kept, poolSize, params);
	}
	const tail = params.near ? sql`chord NULLS LAST, sort_key, service_id` : sql`sort_key, service_id`;
	const pooled = (promising: SQL) =>
		selectRows<HitText>(
			db,
			sql`${withClause([sql`promising AS (${promising})`, ...scoredPool(text, tail)])}
			SELECT service_id, chord FROM pool ORDER BY position`
		);
	const matching = (table: SQL, vector: SQL, query: string, extra = sql``) =>
		sql`SELECT e.service_id, e.sort_key, e.general_desk, ${params.near ? sql`n.chord` : sql`NULL::float8`} AS chord${extra}
			FROM ${table} e${q.nearest}
			WHERE e.active AND ${vector} @@ ${query}::tsquery AND ${kept} AND ${q.nearKept}`;
	const ranked = (table: SQL, vector: SQL, query: string) =>
		pooled(sql`${matching(table, vector, query)} ORDER BY ${prescoreExpression(text, vector)} DESC, ${tail} LIMIT ${poolSize}`);
	// names that cannot fill the pool, counted as the plan counts them, are not read ("sono una
	// mamma sola...": 7-9 ms)
	if (text.titleCandidates >= poolSize) {
		const names = (query: string, extra?: SQL) => matching(sql`search_filter_entry`, sql`e.title`, query, extra);
		const rows = await pooled(namesFirst(text, names, tail, poolSize));
		if (rows.length >= poolSize) return rows.map(toRanked);
	}
	const heads = sql`search_filter_entry`;
	const documents = sql`search_entry`;
	// narrowest first; a sentence of one need has no covering sets
	const sets: [SQL, SQL, string | null][] = [
		[heads, sql`e.head`, text.covering],
		[heads, sql`e.head`, retrieval],
		[documents, sql`e.document`, text.covering]
	];
	for (const [table, vector, query] of sets) {
		if (!query) continue;
		const rows = await ranked(table, vector, query);
		if (rows.length >= poolSize) return rows.map(toRanked);
	}
	return (await ranked(documents, sql`e.document`, retrieval)).map(toRanked);
}

/**
 * The `poolSize` services nearest the point passing every filter: the places in order of distance
 * from the GiST index (each carries its service's entry values), a service counted at its
 * nearest place; read again further while places of the same services fill the first read.
 * Without a radius, the services with no place follow, by name.
 */
async function nearestPassing(db: DbOrTx, q: BuiltQuery, params: SearchParams, poolSize: number): Promise<RankedRow[]> {
	const kept = passingAll(q.filters);
	for (let places = poolSize * 2; ; places *= 4) {
		const rows = await selectRows<HitText>(
			db,
			sql`SELECT e.service_id, e.earth <-> ${q.origin} AS chord FROM search_point e
				WHERE e.active AND ${kept} AND ${q.within(sql`e`)}
				ORDER BY e.earth <-> ${q.origin}, e.sort_key, e.service_id LIMIT ${places}`
		);
		const nearest = new Map<string, HitText>();
		for (const row of rows) if (!nearest.has(row.service_id)) nearest.set(row.service_id, row);
		if (nearest.size < poolSize && rows.length === places) continue;
		const located = [...nearest.values()].slice(0, poolSize);
		if (located.length === poolSize || params.radiusKm !== null) return located.map(toRanked);
		const unlocated = await firstByName(
			db,
			sql`${kept} AND NOT EXISTS (SELECT 1 FROM search_point p WHERE p.service_id = e.service_id)`,
			poolSize - located.length,
			params
		);
		return [...located.map(toRanked), ...unlocated];
	}
}

/**
 * A sample of the services this many times smaller than what the text may match is read whole,
 * each row's document checked, instead of listing every match through the documents' index
 * first: "anziani" (55,000 matches, a sample of 1,900) 9.8 -> 4.3 ms on PGlite, 27.7 -> 10.7 on
 * PostgreSQL; "nido" (25,000, a sample of 4,000) costs the same either way. The same rows.
 */
const ROW_BY_ROW_SAMPLE_UNDER = 10;

/**
 * The facet signatures of the candidates among a sample of the services (inSample; read on the
 * places near a point without text, each checking its own distance), their counts scaled up.
 */
async function sampleSignatures(db: DbOrTx, q: BuiltQuery, fraction: number): Promise<SignatureRow[]> {
	const sampled = fraction * (q.plan?.documents ?? 0);
	const where = q.plan && q.plan.candidates > ROW_BY_ROW_SAMPLE_UNDER * sampled ? q.whereRowByRow : q.where;
	const rows = await selectRowsAsJson<SignatureText>(
		db,
		sql`WITH grouped AS (
				SELECT e.signature, ${q.openNow} AS open_now, count(DISTINCT e.service_id) AS n
				FROM ${q.placesAlone ? sql`search_point e` : sql`${q.table} e${q.nearest}`}
				WHERE ${where} AND ${inSample(fraction)} AND ${inSomeFacet(q.filters)}
					AND ${q.placesAlone ? q.within(sql`e`) : q.nearKept}
				GROUP BY 1, 2
			)
			SELECT ${SIGNATURE_CODES}, s.free, g.open_now, g.n / ${fraction}::float8 AS n
			FROM grouped g JOIN search_signature s ON s.signature = g.signature`
	);
	return rows.map(fromText);
}

/** An estimated count to two significant figures: 24,479 → 24,000. */
export const roundEstimate = (n: number) => (n < 1 ? 0 : Math.round(Number(n.toPrecision(2))));

/** earthdistance's Earth radius in metres (its earth() function). */
const EARTH_RADIUS_M = 6378168;
/** The straight-line distance through the Earth between two points a great-circle distance apart. */
const radiusToChord = (meters: number) => 2 * EARTH_RADIUS_M * Math.sin(Math.min(meters / (2 * EARTH_RADIUS_M), Math.PI / 2));
/** Back from the straight line to kilometres on the surface. */
const chordToKm = (chord: number) => (2 * EARTH_RADIUS_M * Math.asin(Math.min(1, chord / (2 * EARTH_RADIUS_M)))) / 1000;

const rankWeights = () => `{${SCORING.weights.join(',')}}`;

/**
 * The relevance of a candidate: for each group (a need of the query) its best alternative plus
 * a share of the others it also matches, each alternative worth factor × idf × ts_rank with the
 * field weights (ts_rank of one stem is about the weight of its best field, a little more when
 * repeated); the sum over groups weighted by each group's weight, raised by the share of the
 * query's needs the service covers; plus the information-desk prior. `columns` computes each
 * alternative once per row; `score` combines them.
 */
function scoreExpression(plan: QueryPlan): { columns: SQL; score: SQL } {
	const rank = (q: string) => sql`ts_rank(${rankWeights()}::float4[], document, ${q}::tsquery)`;
	const columns: SQL[] = [];
	const groupScores: SQL[] = [];
	const matched: SQL[] = [];
	let coverageTotal = 0;
	let bestScore = 0;
	for (const group of plan.groups) {
		const names = group.alternatives.map((a) => {
			const name = sql.raw(`a${columns.length}`);
			const weight = a.factor * a.idf;
			columns.push(
				a.lexemes.length === 1
					? sql`${weight}::float8 * ${rank(alternativeQuery(a))} AS ${name}`
					: sql`CASE WHEN document @@ ${alternativeQuery(a)}::tsquery
						THEN ${weight}::float8 * ${rank(alternativeRankQuery(a))} ELSE 0 END AS ${name}`
			);
			return name;
		});
		const best = names.length === 1 ? names[0]! : sql`GREATEST(${sql.join(names, sql`, `)})`;
		const all = sql.join(names, sql` + `);
		const groupScore =
			names.length === 1 ? best : sql`(${best} + ${SCORING.otherAlternatives}::float8 * ((${all}) - ${best}))`;
		groupScores.push(sql`${group.weight}::float8 * ${groupScore}`);
		const strongest = Math.max(...group.alternatives.map((a) => a.factor * a.idf));
		bestScore += group.weight * strongest;
		// words saying who the person is ("figlio") narrow the need; they do not make a second one
		const importance = group.weight < 1 ? 0 : strongest;
		coverageTotal += importance;
		matched.push(sql`CASE WHEN ${best} > 0 THEN ${importance}::float8 ELSE 0 END`);
	}
	const coverage =
		coverageTotal > 0 ? sql`(${sql.join(matched, sql` + `)}) / ${coverageTotal}::float8` : sql`0::float8`;
	const prior = (SCORING.deskPrior * bestScore) / 1.6449;
	return {
		columns: sql.join(columns, sql`, `),
		score: sql`((${sql.join(groupScores, sql` + `)}) * (1 + ${SCORING.coverageBoost}::float8 * ${coverage})
			+ CASE WHEN general_desk THEN ${prior}::float8 ELSE 0 END)`
	};
}

/**
 * A cheap stand-in for the score, to pick the candidates worth scoring exactly: how well a
 * document (or its head) matches the heavier half of the alternatives, then all of them.
 */
export function prescoreExpression(plan: QueryPlan, vector: SQL): SQL {
	const { heavy, all } = prescoreAlternatives(plan);
	const rank = (q: string) => sql`ts_rank(${rankWeights()}::float4[], ${vector}, ${q}::tsquery)`;
	const heavyQuery = orQuery(heavy);
	const stems = (alternatives: Alternative[]) => new Set(alternatives.flatMap((a) => a.lexemes));
	const heavyStems = stems(heavy);
	const allStems = stems(all);
	const lighter = [...allStems].filter((l) => !heavyStems.has(l));
	// ts_rank of an OR averages over its distinct stems, so rank(all) = (|heavy| rank(heavy) +
	// |lighter| rank(lighter)) / |all|: the heavier stems are ranked once, not twice (the father's
	// sentence, 2,131 documents: 18 -> 13 ms). A single phrase is ranked as an AND, by proximity.
	const onePhrase = new Set(heavy.map(alternativeQuery)).size === 1 && heavy[0]!.lexemes.length > 1;
	if (onePhrase) return sql`(4 * ${rank(heavyQuery)} + ${rank(orQuery(all))})`;
	const heavyShare = 4 + heavyStems.size / allStems.size;
	if (lighter.length === 0) return sql`(${heavyShare}::float4 * ${rank(heavyQuery)})`;
	return sql`(${heavyShare}::float4 * ${rank(heavyQuery)}
		+ ${lighter.length / allStems.size}::float4 * ${rank(lighter.map(lexemeQuery).join(' | '))})`;
}

/**
 * The pool's candidates among the services whose names match the retrieval, when they can fill
 * it (a common word: "nido" is in 10,870 names at 100,000 services): first the names also
 * holding a stem of the heavier half of the query's alternatives (those the pre-score weighs
 * most, besides the retrieval's own), by how many; then, when these do not fill the pool, the
 * others by name. Only the few names holding a heavier stem are tested stem by stem, instead of
 * pre-scoring every name with two ts_rank ("nido", the pool's statement on PostgreSQL: 36 ->
 * 12-14 ms). A lighter alternative in a name does not order this pool; it still scores in it.
 */
function namesFirst(plan: QueryPlan, names: (query: string, extra?: SQL) => SQL, tail: SQL, poolSize: number): SQL {
	const retrieval = plan.retrieval!;
	const everywhere = plan.retrievalAlternatives
		.map((a) => new Set(a.lexemes))
		.reduce((common, lexemes) => new Set([...common].filter((l) => lexemes.has(l))));
	const heavier = [...new Set(prescoreAlternatives(plan).heavy.flatMap((a) => a.lexemes))].filter((l) => !everywhere.has(l));
	// the matches first (OFFSET 0 keeps the order and limit out of their plan), then their order:
	// walking the names' index instead reads all of it when the matches are few or come late in
	// the alphabet ("affitto" without its synonyms: 98,000 rows, 67 ms)
	const byName = (query: string, extra: SQL) =>
		sql`SELECT * FROM (${names(query, extra)} OFFSET 0) matched ORDER BY ${tail} LIMIT ${poolSize}`;
	if (heavier.length === 0) return byName(retrieval, sql``);
	const either = heavier.map(lexemeQuery).join(' | ');
	const held = sql.join(
		heavier.map((l) => sql`(e.title @@ ${lexemeQuery(l)}::tsquery)::int`),
		sql` + `
	);
	// the second branch runs only when the first leaves room: UNION ALL reads its branches in turn
	// (no parallel plans: client.ts)
	return sql`SELECT * FROM (
			(${names(`(${retrieval}) & (${either})`, sql`, ${held} AS heavier`)} ORDER BY heavier DESC, ${tail} LIMIT ${poolSize})
			UNION ALL
			(${byName(`(${retrieval}) & !(${either})`, sql`, 0 AS heavier`)})
		) named LIMIT ${poolSize}`;
}

/** The heavier half of the query's alternatives (by weight × factor × idf), and all of them. */
export function prescoreAlternatives(plan: QueryPlan): { heavy: Alternative[]; all: Alternative[] } {
	const weighted = plan.groups.flatMap((g) => g.alternatives.map((a) => ({ a, w: g.weight * a.factor * a.idf })));
	const sorted = [...weighted].sort((x, y) => y.w - x.w);
	const heavy = sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 2)));
	return { heavy: heavy.map((x) => x.a), all: weighted.map((x) => x.a) };
}

/**
 * Facet counts with standard semantics: each count applies the text and every filter except its
 * own dimension's, so a family can see what another choice would give. The counting is over
 * facet signatures (a few hundred, however many services match); the filters are checked here
 * on each signature's values. Counts from a sample are rounded (roundEstimate).
 */
function countFacets(
	signatures: SignatureRow[],
	params: SearchParams,
	estimated: boolean
): { total: number; facets: SearchFacets } {
	const facets: SearchFacets = { area: {}, subcategory: {}, audience: {}, municipio: {}, free: 0, openNow: 0 };
	const kinds = termKinds();
	const add = (counts: Record<string, number>, key: string, n: number) => (counts[key] = (counts[key] ?? 0) + n);
	let total = 0;
	for (const row of signatures) {
		const pass = {
			area: !params.area || row.areas.includes(params.area),
			audience: !params.audience || row.audiences.includes(params.audience),
			municipio: !params.municipio || row.municipi.includes(params.municipio),
			free: !params.free || row.free,
			openNow: !params.openNow || row.open_now === true
		};
		const allBut = (skip: keyof typeof pass | null) =>
			(Object.keys(pass) as (keyof typeof pass)[]).every((k) => k === skip || pass[k]);
		if (allBut('area')) {
			for (const code of row.areas) {
				add(kinds.get(code) === 'subcategory' ? facets.subcategory : facets.area, code, row.n);
			}
		}
		if (allBut('audience')) for (const code of row.audiences) add(facets.audience, code, row.n);
		if (allBut('municipio')) for (const m of row.municipi) add(facets.municipio, String(m), row.n);
		if (allBut('free') && row.free) facets.free += row.n;
		if (allBut('openNow') && row.open_now) facets.openNow += row.n;
		if (allBut(null)) total += row.n;
	}
	if (!estimated) return { total, facets };
	const rounded = (counts: Record<string, number>) =>
		Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, roundEstimate(n)]).filter(([, n]) => n !== 0));
	return {
		total: roundEstimate(total),
		facets: {
			area: rounded(facets.area),
			subcategory: rounded(facets.subcategory),
			audience: rounded(facets.audience),
			municipio: rounded(facets.municipio),
			free: roundEstimate(facets.free),
			openNow: roundEstimate(facets.openNow)
		}
	};
}

let kindsByCode: Map<string, string> | undefined;
function termKinds(): Map<string, string> {
	kindsByCode ??= new Map(loadReferenceTaxonomy().terms.map((t) => [t.code, t.kind]));
	return kindsByCode;
}

type HitRow = {
	id: string;
	slug: string;
	name: string;
	description: string;
	organization_id: string;
	organization_name: string;
	organization_slug: string;
	areas: string[];
	free_of_charge: boolean | null;
	municipio: number | null;
	address_1: string | null;
	postal_code: string | null;
	city: string | null;
};

async function loadHits(db: DbOrTx, ranked: RankedRow[], params: SearchParams): Promise<SearchHit[]> {
	if (ranked.length === 0) return [];
	const near = params.near;
	// the place shown: the nearest location when searching near a point, else the first one
	const placeOrder = near
		? sql`earth_distance(${origin(near)}, ll_to_earth(l.latitude, l.longitude)) NULLS LAST, sal.id`
		: sql`(l.municipio IS NULL), sal.id`;
	const rows = await selectRows<HitRow>(
		db,
		sql`SELECT s.id, s.slug, s.name, s.description, o.id AS organization_id, o.name AS organization_name,
				o.slug AS organization_slug, e.area_codes AS areas, s.free_of_charge,
				place.municipio, place.address_1, place.postal_code, place.city
			FROM service s
			JOIN organization o ON o.id = s.organization_id
			JOIN search_filter_entry e ON e.service_id = s.id
			LEFT JOIN LATERAL (
				SELECT l.municipio, a.address_1, a.postal_code, a.city
				FROM service_at_location sal
				JOIN location l ON l.id = sal.location_id
				LEFT JOIN LATERAL (
					SELECT * FROM address ad
					WHERE ad.location_id = l.id AND ad.address_type = 'physical'
					ORDER BY ad.id LIMIT 1
				) a ON true
				WHERE sal.service_id = s.id
				ORDER BY ${placeOrder}
				LIMIT 1
			) place ON true
			WHERE s.id = ANY(${sql`${`{${ranked.map((r) => r.service_id).join(',')}}`}::uuid[]`})`
	);
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ranked.flatMap(({ service_id, km }) => {
		const r = byId.get(service_id);
		if (!r) return [];
		return [
			{
				id: r.id,
				slug: r.slug,
				name: r.name,
				summary: summarize(r.description),
				organization: { id: r.organization_id, name: r.organization_name, slug: r.organization_slug },
				areas: r.areas,
				municipio: r.municipio,
				address: r.address_1 ? [r.address_1, [r.postal_code, r.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null,
				freeOfCharge: r.free_of_charge,
				distanceKm: km === null ? null : Math.round(km * 100) / 100,
				url: `/servizi/${r.slug}`
			}
		];
	});
}

/** The description as plain text, cut at a word boundary. */
export function summarize(description: string, length = SUMMARY_LENGTH): string {
	const text = description.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
	if (text.length <= length) return text;
	const cut = text.slice(0, length);
	const space = cut.lastIndexOf(' ');
	return `${(space > length * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
