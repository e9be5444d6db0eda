/**
 * The reads of the HSDS API (`/api/hsds`): pages in the official envelope and single records,
 * each with the time of its latest change for Last-Modified. Only published records: services
 * whose status is "active" (as in search), the organizations offering them and their places;
 * taxonomies are public as a whole. `search` on services and their places goes through the
 * project's search engine, so results come in the same relevance order as /cerca.
 */
import { and, asc, eq, ilike, isNotNull, isNull, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
	location,
	organization,
	service,
	serviceAtLocation,
	taxonomy,
	taxonomyTerm
} from '../db/schema/index.ts';
import { defaultSearchParams } from '../search/inputs.ts';
import { searchServices } from '../search/search-services.ts';
import { AppError } from '../shared/errors.ts';
import type {
	OrganizationsQuery,
	ServiceAtLocationsQuery,
	ServicesQuery,
	TaxonomiesQuery,
	TaxonomyTermsQuery
} from './inputs.ts';
import { isAnyOf, loadHsdsServices } from './load-services.ts';
import {
	compact,
	isoTimestamp,
	locationToHsds,
	organizationToHsds,
	serviceColumns,
	serviceSummaryToHsds,
	taxonomyTermToHsds,
	taxonomyToHsds
} from './serialize.ts';
import type {
	HsdsLocation,
	HsdsOrganization,
	HsdsService,
	HsdsServiceAtLocation,
	HsdsServiceSummary,
	HsdsTaxonomy,
	HsdsTaxonomyTerm
} from './types.ts';

/** The paging envelope of the official OpenAPI (components/schemas/Page) with its contents. */
export type HsdsPage<T> = {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: T[];
};

/** A response body and the time of the latest change of what it holds (null when unknown). */
export type Served<T> = { body: T; lastModified: Date | null };

export type HsdsMinimalService = { id: string; last_modified: string };
export type HsdsOrganizationWithServices = HsdsOrganization & { services: Omit<HsdsServiceSummary, 'organization'>[] };
export type HsdsServiceAtLocationSummary = {
	id: string;
	service_id: string;
	location_id: string;
	description?: string;
	location: HsdsLocation;
	service: HsdsServiceSummary;
};
export type HsdsFullServiceAtLocation = HsdsServiceAtLocation & {
	service: Omit<HsdsService, 'service_at_locations'>;
};

export function pageOf<T>(contents: T[], total: number, page: number, perPage: number): HsdsPage<T> {
	const totalPages = Math.ceil(total / perPage);
	return {
		total_items: total,
		total_pages: totalPages,
		page_number: page,
		size: contents.length,
		first_page: page === 1,
		last_page: page >= totalPages,
		empty: contents.length === 0,
		contents
	};
}

const latest = (times: (Date | string | null | undefined)[]): Date | null => {
	const ms = times.filter((t) => t != null).map((t) => new Date(t!).getTime());
	return ms.length ? new Date(Math.max(...ms)) : null;
};

const byName = (name: Column) => sql`lower(piazza_unaccent(${name}))`;

/** "casa famiglia" matches names holding both words, whatever their accents and case. */
function nameMatches(column: Column, search: string | null): SQL | undefined {
	if (!search) return undefined;
	const words = search.split(/\s+/).filter(Boolean).slice(0, 10);
	return and(
		...words.map(
			(w) => sql`piazza_unaccent(${column}) ILIKE '%' || piazza_unaccent(${w.replace(/[\\%_]/g, '\\$&')}) || '%'`
		)
	);
}

// ---------------------------------------------------------------------------------------------
// Services

const isPublished = () => eq(service.status, 'active');

/** When a service or anything it shows last changed: itself, its organization, its places. */
const serviceLastModified = sql<string>`greatest(${service.updatedAt}, ${organization.updatedAt}, (
	SELECT max(l.updated_at) FROM service_at_location sal JOIN location l ON l.id = sal.location_id
	WHERE sal.service_id = ${service.id}))`;

const hasTerm = (termId: string) =>
	sql`EXISTS (SELECT 1 FROM attribute a WHERE a.link_entity = 'service' AND a.link_id = ${service.id}
		AND a.taxonomy_term_id = ${termId})`;
const hasTaxonomy = (taxonomyId: string) =>
	sql`EXISTS (SELECT 1 FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
		WHERE a.link_entity = 'service' AND a.link_id = ${service.id} AND t.taxonomy_id = ${taxonomyId})`;

type ServiceFilters = Pick<ServicesQuery, 'taxonomyTermId' | 'taxonomyId' | 'organizationId' | 'modifiedAfter'>;

function serviceConditions(q: ServiceFilters): SQL {
	return and(
		isPublished(),
		q.taxonomyTermId ? hasTerm(q.taxonomyTermId) : undefined,
		q.taxonomyId ? hasTaxonomy(q.taxonomyId) : undefined,
		q.organizationId ? eq(service.organizationId, q.organizationId) : undefined,
		q.modifiedAfter ? sql`${serviceLastModified} >= ${q.modifiedAfter.toISOString()}::timestamptz` : undefined
	)!;
}

/**
 * Every published service matching `search`, most relevant first: the search engine's ranking
 * (first the top hundred, all of them only when there are more), counted exactly: a machine pages
 * by these totals.
 */
async function rankServices(db: DbOrTx, search: string): Promise<string[]> {
	const first = await searchServices(db, defaultSearchParams({ q: search, perPage: 100 }), { exact: true });
	if (first.total <= first.hits.length) return first.hits.map((h) => h.id);
	const all = await searchServices(db, defaultSearchParams({ q: search, perPage: first.total }), { exact: true });
	return all.hits.map((h) => h.id);
}

/** The ids of the published services matching `search` and the filters, most relevant first. */
async function rankedServiceIds(db: DbOrTx, q: ServiceFilters & { search: string }): Promise<string[]> {
	const where = serviceConditions(q);
	const ranked = await rankServices(db, q.search);
	if (ranked.length === 0) return [];
	const kept = await db
		.select({ id: service.id })
		.from(service)
		.innerJoin(organization, eq(organization.id, service.organizationId))
		.where(and(where, isAnyOf(service.id, ranked)));
	const keep = new Set(kept.map((r) => r.id));
	return ranked.filter((id) => keep.has(id));
}

/** One page of the matching service ids and their number; without `search`, the page alone is read. */
async function pageOfServiceIds(db: DbOrTx, q: ServicesQuery): Promise<{ ids: string[]; total: number }> {
	const offset = (q.page - 1) * q.perPage;
	const filtered = q.taxonomyTermId || q.taxonomyId || q.organizationId || q.modifiedAfter;
	if (q.search && !filtered) {
		// the engine's own page: it ranks only as far as the page needs
		const found = await searchServices(db, defaultSearchParams({ q: q.search, page: q.page, perPage: q.perPage }), {
			exact: true
		});
		return { ids: found.hits.map((h) => h.id), total: found.total };
	}
	if (q.search) {
		const all = await rankedServiceIds(db, { ...q, search: q.search });
		return { ids: all.slice(offset, offset + q.perPage), total: all.length };
	}
	const where = serviceConditions(q);
	const [[counted], rows] = await Promise.all([
		db
			.select({ n: sql<number>`count(*)::int` })
			.from(service)
			.innerJoin(organization, eq(organization.id, service.organizationId))
			.where(where),
		db
			.select({ id: service.id })
			.from(service)
			.innerJoin(organization, eq(organization.id, service.organizationId))
			.where(where)
			.orderBy(byName(service.name), asc(service.id))
			.limit(q.perPage)
			.offset(offset)
	]);
	return { ids: rows.map((r) => r.id), total: counted?.n ?? 0 };
}

/** The one-to-one form of services (with their organization), in the order of `ids`. */
async function loadServiceSummaries(db: DbOrTx, ids: string[]): Promise<HsdsServiceSummary[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.select({ service: serviceColumns, organization, lastModified: serviceLastModified })
		.from(service)
		.innerJoin(organization, eq(organization.id, service.organizationId))
		.where(isAnyOf(service.id, ids));
	const byId = new Map(
		rows.map((r) => [
			r.service.id,
			serviceSummaryToHsds(r.service, organizationToHsds(r.organization), new Date(r.lastModified))
		])
	);
	return ids.flatMap((id) => byId.get(id) ?? []);
}

async function loadMinimalServices(db: DbOrTx, ids: string[]): Promise<HsdsMinimalService[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.select({ id: service.id, lastModified: serviceLastModified })
		.from(service)
		.innerJoin(organization, eq(organization.id, service.organizationId))
		.where(isAnyOf(service.id, ids));
	const byId = new Map(rows.map((r) => [r.id, { id: r.id, last_modified: isoTimestamp(r.lastModified) }]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}

/** GET /services: one-to-one fields by default, `minimal` (id and last_modified) or `full` (nested). */
export async function findHsdsServices(
	db: DbOrTx,
	q: ServicesQuery
): Promise<Served<HsdsPage<HsdsServiceSummary | HsdsMinimalService | HsdsService>>> {
	const { ids, total } = await pageOfServiceIds(db, q);
	const contents = q.minimal
		? await loadMinimalServices(db, ids)
		: q.full
			? await loadHsdsServices(db, ids)
			: await loadServiceSummaries(db, ids);
	return {
		body: pageOf<HsdsServiceSummary | HsdsMinimalService | HsdsService>(contents, total, q.page, q.perPage),
		lastModified: latest(contents.map((c) => c.last_modified))
	};
}

/** GET /services/{id}: the fully nested service; NOT_FOUND unless published. */
export async function getHsdsService(db: DbOrTx, id: string): Promise<Served<HsdsService>> {
	const [found] = await loadHsdsServices(db, [id]);
	if (!found || found.status !== 'active') throw new AppError('NOT_FOUND', 'Servizio non trovato.', { field: 'id' });
	return { body: found, lastModified: new Date(found.last_modified) };
}

// ---------------------------------------------------------------------------------------------
// Organizations

const offersPublished = (extra?: SQL) =>
	sql`EXISTS (SELECT 1 FROM ${service} WHERE ${service.organizationId} = ${organization.id} AND ${isPublished()}
		${extra ? sql`AND ${extra}` : sql``})`;

/** An organization with its published services, fully nested or one-to-one. */
async function withServices(
	db: DbOrTx,
	orgs: (typeof organization.$inferSelect)[],
	fullService: boolean
): Promise<Served<HsdsOrganizationWithServices[]>> {
	if (orgs.length === 0) return { body: [], lastModified: null };
	const serviceRows = await db
		.select({ id: service.id, organizationId: service.organizationId })
		.from(service)
		.where(and(isPublished(), isAnyOf(service.organizationId, orgs.map((o) => o.id))))
		.orderBy(byName(service.name), asc(service.id));
	const ids = serviceRows.map((r) => r.id);
	const services: (HsdsServiceSummary | HsdsService)[] = fullService
		? await loadHsdsServices(db, ids)
		: await loadServiceSummaries(db, ids);
	const body = orgs.map((o) => ({
		...organizationToHsds(o),
		services: services
			.filter((s) => s.organization_id === o.id)
			.map(({ organization: _organization, ...rest }) => rest)
	}));
	return { body, lastModified: latest([...orgs.map((o) => o.updatedAt), ...services.map((s) => s.last_modified)]) };
}

/** GET /organizations: organizations offering published services; `full` nests their services. */
export async function findHsdsOrganizations(
	db: DbOrTx,
	q: OrganizationsQuery
): Promise<Served<HsdsPage<HsdsOrganization | HsdsOrganizationWithServices>>> {
	const serviceFilter = and(
		q.taxonomyTermId ? hasTerm(q.taxonomyTermId) : undefined,
		q.taxonomyId ? hasTaxonomy(q.taxonomyId) : undefined
	);
	const where = and(offersPublished(serviceFilter), nameMatches(organization.name, q.search))!;
	const [[counted], rows] = await Promise.all([
		db.select({ n: sql<number>`count(*)::int` }).from(organization).where(where),
		db
			.select()
			.from(organization)
			.where(where)
			.orderBy(byName(organization.name), asc(organization.id))
			.limit(q.perPage)
			.offset((q.page - 1) * q.perPage)
	]);
	const total = counted?.n ?? 0;
	if (q.full || q.fullService) {
		const nested = await withServices(db, rows, q.fullService);
		return { body: pageOf(nested.body, total, q.page, q.perPage), lastModified: nested.lastModified };
	}
	return {
		body: pageOf<HsdsOrganization>(rows.map(organizationToHsds), total, q.page, q.perPage),
		lastModified: latest(rows.map((r) => r.updatedAt))
	};
}

/** GET /organizations/{id}: the organization with its published services (their one-to-one fields, or nested). */
export async function getHsdsOrganization(
	db: DbOrTx,
	id: string,
	options: { fullService: boolean }
): Promise<Served<HsdsOrganizationWithServices>> {
	const rows = await db.select().from(organization).where(and(eq(organization.id, id), offersPublished()));
	const served = await withServices(db, rows, options.fullService);
	const [found] = served.body;
	if (!found) throw new AppError('NOT_FOUND', 'Ente non trovato.', { field: 'id' });
	return { body: found, lastModified: served.lastModified };
}

// ---------------------------------------------------------------------------------------------
// Taxonomies and terms

/** GET /taxonomies */
export async function findHsdsTaxonomies(db: DbOrTx, q: TaxonomiesQuery): Promise<Served<HsdsPage<HsdsTaxonomy>>> {
	const where = nameMatches(taxonomy.name, q.search);
	const [[counted], rows] = await Promise.all([
		db.select({ n: sql<number>`count(*)::int` }).from(taxonomy).where(where),
		db
			.select()
			.from(taxonomy)
			.where(where)
			.orderBy(asc(taxonomy.name), asc(taxonomy.id))
			.limit(q.perPage)
			.offset((q.page - 1) * q.perPage)
	]);
	return { body: pageOf(rows.map(taxonomyToHsds), counted?.n ?? 0, q.page, q.perPage), lastModified: null };
}

/** GET /taxonomies/{id} */
export async function getHsdsTaxonomy(db: DbOrTx, id: string): Promise<Served<HsdsTaxonomy>> {
	const [row] = await db.select().from(taxonomy).where(eq(taxonomy.id, id));
	if (!row) throw new AppError('NOT_FOUND', 'Tassonomia non trovata.', { field: 'id' });
	return { body: taxonomyToHsds(row), lastModified: null };
}

/** GET /taxonomy_terms: `top_only` keeps the terms without a parent. */
export async function findHsdsTaxonomyTerms(
	db: DbOrTx,
	q: TaxonomyTermsQuery
): Promise<Served<HsdsPage<HsdsTaxonomyTerm>>> {
	const where = and(
		q.taxonomyId ? eq(taxonomyTerm.taxonomyId, q.taxonomyId) : undefined,
		q.parentId ? eq(taxonomyTerm.parentId, q.parentId) : undefined,
		q.topOnly ? isNull(taxonomyTerm.parentId) : undefined,
		q.search
			? or(nameMatches(taxonomyTerm.name, q.search), ilike(taxonomyTerm.code, q.search.replace(/[\\%_]/g, '\\$&')))
			: undefined
	);
	const [[counted], rows] = await Promise.all([
		db.select({ n: sql<number>`count(*)::int` }).from(taxonomyTerm).where(where),
		db
			.select({ term: taxonomyTerm, taxonomy })
			.from(taxonomyTerm)
			.leftJoin(taxonomy, eq(taxonomy.id, taxonomyTerm.taxonomyId))
			.where(where)
			.orderBy(asc(taxonomy.name), asc(taxonomyTerm.position), asc(taxonomyTerm.name), asc(taxonomyTerm.id))
			.limit(q.perPage)
			.offset((q.page - 1) * q.perPage)
	]);
	return {
		body: pageOf(
			rows.map((r) => taxonomyTermToHsds(r.term, r.taxonomy)),
			counted?.n ?? 0,
			q.page,
			q.perPage
		),
		lastModified: null
	};
}

/** GET /taxonomy_terms/{id} */
export async function getHsdsTaxonomyTerm(db: DbOrTx, id: string): Promise<Served<HsdsTaxonomyTerm>> {
	const [row] = await db
		.select({ term: taxonomyTerm, taxonomy })
		.from(taxonomyTerm)
		.leftJoin(taxonomy, eq(taxonomy.id, taxonomyTerm.taxonomyId))
		.where(eq(taxonomyTerm.id, id));
	if (!row) throw new AppError('NOT_FOUND', 'Termine della tassonomia non trovato.', { field: 'id' });
	return { body: taxonomyTermToHsds(row.term, row.taxonomy), lastModified: null };
}

// ---------------------------------------------------------------------------------------------
// Services at locations

type Centre = { lat: number; lon: number };

const inPostcode = (locationId: SQL | Column, postcode: string) =>
	sql`EXISTS (SELECT 1 FROM address a WHERE a.location_id = ${locationId} AND upper(a.postal_code) = ${postcode})`;

/** The centre of a postcode: the mean position of our located addresses in it; null when we know none. */
async function postcodeCentre(db: DbOrTx, postcode: string): Promise<Centre | null> {
	const [row] = await db
		.select({ lat: sql<number | null>`avg(${location.latitude})::float8`, lon: sql<number | null>`avg(${location.longitude})::float8` })
		.from(location)
		.where(and(isNotNull(location.latitude), inPostcode(location.id, postcode)));
	return row?.lat == null || row.lon == null ? null : { lat: Number(row.lat), lon: Number(row.lon) };
}

const metresFrom = (centre: Centre) =>
	sql`earth_distance(ll_to_earth(${centre.lat}::float8, ${centre.lon}::float8), ll_to_earth(l.latitude, l.longitude))`;

/**
 * The place filters: a location with an address in the postcode, or within `proximity` metres
 * of its centre (the location index finds the box around the circle, the exact distance trims it).
 */
function placeCondition(q: ServiceAtLocationsQuery, centre: Centre | null): SQL | undefined {
	if (!q.postcode) return undefined;
	if (q.proximityMeters === null) return inPostcode(serviceAtLocation.locationId, q.postcode);
	if (!centre) return sql`false`;
	return sql`EXISTS (SELECT 1 FROM location l WHERE l.id = ${serviceAtLocation.locationId} AND l.latitude IS NOT NULL
		AND earth_box(ll_to_earth(${centre.lat}::float8, ${centre.lon}::float8), ${q.proximityMeters}::float8)
			@> ll_to_earth(l.latitude, l.longitude)
		AND ${metresFrom(centre)} <= ${q.proximityMeters}::float8)`;
}

/** GET /service_at_locations: places of published services; `search` ranks them by their service's relevance. */
export async function findHsdsServiceAtLocations(
	db: DbOrTx,
	q: ServiceAtLocationsQuery
): Promise<Served<HsdsPage<HsdsServiceAtLocationSummary | HsdsFullServiceAtLocation>>> {
	const centre = q.postcode && q.proximityMeters !== null ? await postcodeCentre(db, q.postcode) : null;
	const place = placeCondition(q, centre);
	const distance = centre
		? sql`(SELECT ${metresFrom(centre)} FROM location l WHERE l.id = ${serviceAtLocation.locationId})`
		: null;
	let salIds: string[];
	let total: number;
	const offset = (q.page - 1) * q.perPage;
	if (q.search) {
		const ranked = await rankedServiceIds(db, { ...q, search: q.search });
		const rows = ranked.length
			? await db
					.select({ id: serviceAtLocation.id, serviceId: serviceAtLocation.serviceId })
					.from(serviceAtLocation)
					.where(and(isAnyOf(serviceAtLocation.serviceId, ranked), place))
					.orderBy(asc(serviceAtLocation.id))
			: [];
		const rank = new Map(ranked.map((id, i) => [id, i]));
		rows.sort((a, b) => rank.get(a.serviceId)! - rank.get(b.serviceId)!);
		salIds = rows.slice(offset, offset + q.perPage).map((r) => r.id);
		total = rows.length;
	} else {
		const where = and(serviceConditions(q), place)!;
		const [[counted], rows] = await Promise.all([
			db
				.select({ n: sql<number>`count(*)::int` })
				.from(serviceAtLocation)
				.innerJoin(service, eq(service.id, serviceAtLocation.serviceId))
				.innerJoin(organization, eq(organization.id, service.organizationId))
				.where(where),
			db
				.select({ id: serviceAtLocation.id })
				.from(serviceAtLocation)
				.innerJoin(service, eq(service.id, serviceAtLocation.serviceId))
				.innerJoin(organization, eq(organization.id, service.organizationId))
				.where(where)
				.orderBy(...(distance ? [distance] : []), byName(service.name), asc(serviceAtLocation.id))
				.limit(q.perPage)
				.offset(offset)
		]);
		salIds = rows.map((r) => r.id);
		total = counted?.n ?? 0;
	}
	const contents = q.full
		? await loadFullServiceAtLocations(db, salIds)
		: await loadServiceAtLocationSummaries(db, salIds);
	return {
		body: pageOf(contents, total, q.page, q.perPage),
		lastModified: latest(contents.map((c) => c.service.last_modified))
	};
}

/** Services at locations with their place and service, fully nested (the service read once, without its other places). */
async function loadFullServiceAtLocations(db: DbOrTx, salIds: string[]): Promise<HsdsFullServiceAtLocation[]> {
	if (salIds.length === 0) return [];
	const owners = await db
		.select({ serviceId: serviceAtLocation.serviceId })
		.from(serviceAtLocation)
		.where(isAnyOf(serviceAtLocation.id, salIds));
	const services = await loadHsdsServices(
		db,
		owners.map((o) => o.serviceId)
	);
	const found = new Map<string, HsdsFullServiceAtLocation>();
	for (const { service_at_locations: places, ...rest } of services) {
		for (const sal of places) found.set(sal.id, { ...sal, service: rest });
	}
	return salIds.flatMap((id) => found.get(id) ?? []);
}

/** The one-to-one form: the pair with its location and its service (with the organization), in one query. */
async function loadServiceAtLocationSummaries(db: DbOrTx, salIds: string[]): Promise<HsdsServiceAtLocationSummary[]> {
	if (salIds.length === 0) return [];
	const rows = await db
		.select({ sal: serviceAtLocation, location, service: serviceColumns, organization, lastModified: serviceLastModified })
		.from(serviceAtLocation)
		.innerJoin(location, eq(location.id, serviceAtLocation.locationId))
		.innerJoin(service, eq(service.id, serviceAtLocation.serviceId))
		.innerJoin(organization, eq(organization.id, service.organizationId))
		.where(isAnyOf(serviceAtLocation.id, salIds));
	const byId = new Map(
		rows.map((r) => [
			r.sal.id,
			{
				...compact({
					id: r.sal.id,
					service_id: r.sal.serviceId,
					location_id: r.sal.locationId,
					description: r.sal.description
				}),
				location: locationToHsds(r.location),
				service: serviceSummaryToHsds(r.service, organizationToHsds(r.organization), new Date(r.lastModified))
			}
		])
	);
	return salIds.flatMap((id) => byId.get(id) ?? []);
}

/** GET /service_at_locations/{id}: fully nested, with its service; NOT_FOUND unless the service is published. */
export async function getHsdsServiceAtLocation(db: DbOrTx, id: string): Promise<Served<HsdsFullServiceAtLocation>> {
	const [found] = await loadFullServiceAtLocations(db, [id]);
	if (!found || found.service.status !== 'active') {
		throw new AppError('NOT_FOUND', 'Servizio nel luogo non trovato.', { field: 'id' });
	}
	return { body: found, lastModified: new Date(found.service.last_modified) };
}
