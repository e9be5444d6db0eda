/**
 * The search engine: free text (Italian stems, thesaurus, typo correction) ranked by how many
 * of the needs asked for a service matches, how rare their words are and where they appear
 * (name > keywords and categories > description > practical text), combined with filters and
 * facet counts. See docs/search.md for the design and the measurements behind each choice.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { loadReferenceTaxonomy } from '../taxonomy/reference.ts';
import { analyzeQuery, textArray } from './analyze-query.ts';
import { romeClock, type RomeClock } from './clock.ts';
import { MAX_RADIUS_KM } from './inputs.ts';
import { alternativeQuery, alternativeRankQuery, type Alternative, type QueryPlan } from './query-plan.ts';
import { selectRows } from './rows.ts';
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
	 */
	exactlyRanked: 300
};

const SUMMARY_LENGTH = 220;

export async function searchServices(
	db: DbOrTx,
	params: SearchParams,
	options: { now?: Date } = {}
): Promise<SearchOutcome> {
	const clock = romeClock(options.now ?? new Date());
	const plan = params.q ? await analyzeQuery(db, params.q) : null;
	const query = buildQuery(params, plan, clock);
	const browsing = !plan && !params.near && !params.openNow;
	const found: Found = query.empty
		? { ranked: [], signatures: [], openNow: null }
		: browsing
			? await browse(db, query, params)
			: await search(db, query, params);
	const { total, facets } = countFacets(found.signatures, params);
	if (found.openNow !== null) facets.openNow = found.openNow;
	return {
		total,
		page: params.page,
		perPage: params.perPage,
		hits: await loadHits(db, found.ranked, params),
		facets,
		correctedQuery: plan?.correctedQuery ?? null
	};
}

export type BuiltQuery = {
	plan: QueryPlan | null;
	/** Common table expressions the other parts rely on (the services near the point). */
	ctes: SQL[];
	/** FROM search_entry e [JOIN near]. */
	from: SQL;
	/** Conditions every row must meet: active, and the text when there is one. */
	where: SQL;
	filters: { area: SQL; audience: SQL; municipio: SQL; free: SQL; openNow: SQL };
	openNow: SQL;
	/** Text was typed but nothing in it can match: no results. */
	empty: boolean;
};

const TRUE = sql`true`;
const withClause = (ctes: SQL[]) => (ctes.length > 0 ? sql`WITH ${sql.join(ctes, sql`, `)}` : sql``);

export function buildQuery(params: SearchParams, plan: QueryPlan | null, clock: RomeClock): BuiltQuery {
	const near = params.near;
	const radiusMeters = (params.radiusKm ?? MAX_RADIUS_KM) * 1000;
	const ctes = near
		? [
				// the GiST index of locations finds the box around the circle; the exact distance trims it
				sql`near AS (
				SELECT service_id, min(meters) / 1000.0 AS km
				FROM (
					SELECT sal.service_id,
						earth_distance(ll_to_earth(${near.lat}::float8, ${near.lon}::float8), ll_to_earth(l.latitude, l.longitude)) AS meters
					FROM location l JOIN service_at_location sal ON sal.location_id = l.id
					WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL
						AND earth_box(ll_to_earth(${near.lat}::float8, ${near.lon}::float8), ${radiusMeters}::float8)
							@> ll_to_earth(l.latitude, l.longitude)
				) located
				WHERE meters <= ${radiusMeters}::float8
				GROUP BY service_id
			)`
			]
		: [];
	// without a radius "near" only orders: services with no known place stay, last
	const nearJoin = near
		? params.radiusKm !== null
			? sql` JOIN near ON near.service_id = e.service_id`
			: sql` LEFT JOIN near ON near.service_id = e.service_id`
		: sql``;
	const openNow = sql`(e.open_week @> ${clock.minuteOfWeek}::int OR (e.dated_schedules AND EXISTS (
		SELECT 1 FROM (
			SELECT * FROM schedule WHERE service_id = e.service_id
			UNION ALL
			SELECT sch.* FROM service_at_location sal JOIN schedule sch ON sch.service_at_location_id = sal.id
			WHERE sal.service_id = e.service_id
		) sc
		WHERE (sc.valid_from IS NOT NULL OR sc.valid_to IS NOT NULL OR sc.dtstart IS NOT NULL OR sc.until IS NOT NULL)
			AND (sc.valid_from IS NULL OR sc.valid_from <= ${clock.date}::date)
			AND (sc.valid_to IS NULL OR sc.valid_to >= ${clock.date}::date)
			AND (sc.dtstart IS NULL OR sc.dtstart <= ${clock.date}::date)
			AND (sc.until IS NULL OR sc.until >= ${clock.date}::date)
			AND piazza_schedule_week(sc.freq, sc.byday, sc.opens_at, sc.closes_at) @> ${clock.minuteOfWeek}::int
	)))`;
	return {
		plan,
		ctes,
		from: sql`search_entry e${nearJoin}`,
		where: plan?.retrieval ? sql`e.active AND e.document @@ ${plan.retrieval}::tsquery` : sql`e.active`,
		filters: {
			area: params.area ? sql`e.area_codes @> ${textArray([params.area])}` : TRUE,
			audience: params.audience ? sql`e.audience_codes @> ${textArray([params.audience])}` : TRUE,
			municipio: params.municipio ? sql`e.municipi @> ARRAY[${params.municipio}::smallint]` : TRUE,
			free: params.free ? sql`e.free` : TRUE,
			openNow: params.openNow ? openNow : TRUE
		},
		openNow,
		empty: plan !== null && !plan.retrieval
	};
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

/** The page, the facet signatures of the matches, and the open-now count when counted apart. */
type Found = { ranked: RankedRow[]; signatures: SignatureRow[]; openNow: number | null };

const pageOf = (params: SearchParams) =>
	sql`LIMIT ${params.perPage} OFFSET ${(params.page - 1) * params.perPage}`;

/**
 * No text, no place, no opening filter: the page walks the name index, the facets come from the
 * per-signature counts the triggers keep, and only "open now" is counted over the services.
 */
async function browse(db: DbOrTx, q: BuiltQuery, params: SearchParams): Promise<Found> {
	const f = q.filters;
	const [ranked, signatures, open] = await Promise.all([
		selectRows<RankedRow>(
			db,
			sql`SELECT e.service_id, NULL::float8 AS km FROM search_entry e
				WHERE e.active AND ${f.area} AND ${f.audience} AND ${f.municipio} AND ${f.free}
				ORDER BY e.sort_key, e.service_id ${pageOf(params)}`
		),
		selectRows<SignatureText>(
			db,
			sql`SELECT ${SIGNATURE_CODES}, s.free, NULL::boolean AS open_now, s.services AS n
				FROM search_signature s WHERE s.services > 0`
		),
		selectRows<{ n: number }>(
			db,
			sql`SELECT count(*)::int AS n FROM ${q.from}
				WHERE ${q.where} AND ${f.area} AND ${f.audience} AND ${f.municipio} AND ${f.free} AND ${q.openNow}`
		)
	]);
	return { ranked, signatures: signatures.map(fromText), openNow: open[0]?.n ?? 0 };
}

/**
 * Text, a place or the opening filter: one statement reads the candidates once, then ranks the
 * page (by relevance with text, the distance breaking ties; by distance near a point; else by
 * name) and counts the facet signatures of the same candidates. A candidate failing two or
 * more filters can count in no facet and is left out from the start.
 */
async function search(db: DbOrTx, q: BuiltQuery, params: SearchParams): Promise<Found> {
	const f = q.filters;
	const plan = q.plan;
	const text = plan?.retrieval ? plan : null;
	const candidates = sql`candidate AS MATERIALIZED (
		SELECT e.service_id, e.sort_key, e.general_desk, e.signature,
			${params.near ? sql`near.km::float8` : sql`NULL::float8`} AS km,
			${q.openNow} AS open_now,
			${f.area} AND ${f.audience} AND ${f.municipio} AND ${f.free} AND ${f.openNow} AS kept
			${text ? sql`, e.document` : sql``}
		FROM ${q.from}
		WHERE ${q.where}
			AND (NOT ${f.area})::int + (NOT ${f.audience})::int + (NOT ${f.municipio})::int
				+ (NOT ${f.free})::int + (NOT ${f.openNow})::int <= 1
	)`;
	const tail = params.near ? sql`km NULLS LAST, sort_key, service_id` : sql`sort_key, service_id`;
	const ranking = text
		? (() => {
				const scoring = scoreExpression(text);
				const keep = Math.max(SCORING.exactlyRanked, params.page * params.perPage + params.perPage);
				return [
					sql`promising AS (
						SELECT * FROM candidate WHERE kept
						ORDER BY ${prescoreExpression(text)} DESC, ${tail} LIMIT ${keep}
					)`,
					sql`scored AS (SELECT service_id, sort_key, general_desk, km, ${scoring.columns} FROM promising)`,
					sql`page AS (
						SELECT service_id, km, row_number() OVER (ORDER BY ${scoring.score} DESC, ${tail}) AS position
						FROM scored ORDER BY position ${pageOf(params)}
					)`
				];
			})()
		: [
				sql`page AS (
					SELECT service_id, km, row_number() OVER (ORDER BY ${tail}) AS position
					FROM candidate WHERE kept ORDER BY position ${pageOf(params)}
				)`
			];
	const rows = await selectRows<
		{ kind: 'hit'; service_id: string; km: number | null } | ({ kind: 'facet' } & SignatureText)
	>(
		db,
		sql`${withClause([
			...q.ctes,
			candidates,
			...ranking,
			sql`grouped AS (SELECT signature, open_now, count(*)::int AS n FROM candidate GROUP BY 1, 2)`
		])}
			SELECT 'hit' AS kind, service_id, km, NULL AS areas, NULL AS audiences, NULL AS municipi,
				NULL::boolean AS free, NULL::boolean AS open_now, NULL::int AS n, position
			FROM page
			UNION ALL
			SELECT 'facet', NULL, NULL, ${SIGNATURE_CODES}, s.free, g.open_now, g.n, NULL
			FROM grouped g JOIN search_signature s ON s.signature = g.signature
			ORDER BY position`
	);
	return {
		ranked: rows.filter((r) => r.kind === 'hit') as RankedRow[],
		signatures: rows.filter((r): r is { kind: 'facet' } & SignatureText => r.kind === 'facet').map(fromText),
		openNow: null
	};
}

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
 * document matches the heavier half of the alternatives, then all of them.
 */
function prescoreExpression(plan: QueryPlan): SQL {
	const weighted = plan.groups.flatMap((g) => g.alternatives.map((a) => ({ a, w: g.weight * a.factor * a.idf })));
	const sorted = [...weighted].sort((x, y) => y.w - x.w);
	const heavy = sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 2)));
	const orQuery = (alternatives: Alternative[]) => [...new Set(alternatives.map(alternativeQuery))].join(' | ');
	const rank = (q: string) => sql`ts_rank(${rankWeights()}::float4[], document, ${q}::tsquery)`;
	return sql`(4 * ${rank(orQuery(heavy.map((x) => x.a)))} + ${rank(orQuery(weighted.map((x) => x.a)))})`;
}

/**
 * Facet counts with standard semantics: each count applies the text and every filter except its
 * own dimension's, so a family can see what another choice would give. The counting is over
 * facet signatures (a few hundred, however many services match); the filters are checked here
 * on each signature's values.
 */
function countFacets(signatures: SignatureRow[], params: SearchParams): { total: number; facets: SearchFacets } {
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
	return { total, facets };
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
		? sql`earth_distance(ll_to_earth(${near.lat}::float8, ${near.lon}::float8), ll_to_earth(l.latitude, l.longitude)) NULLS LAST, sal.id`
		: sql`(l.municipio IS NULL), sal.id`;
	const rows = await selectRows<HitRow>(
		db,
		sql`SELECT s.id, s.slug, s.name, s.description, o.id AS organization_id, o.name AS organization_name,
				o.slug AS organization_slug, e.area_codes AS areas, s.free_of_charge,
				place.municipio, place.address_1, place.postal_code, place.city
			FROM service s
			JOIN organization o ON o.id = s.organization_id
			JOIN search_entry e ON e.service_id = s.id
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
