/**
 * Reads behind the directory pages: home, areas of need, service and organization pages,
 * sitemap. Every function takes the database as its first argument; "get*" returns one record
 * or throws NOT_FOUND, "find*" returns lists.
 */
import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { summarize } from '../../format/summary.ts';
import type { Lang } from '../../i18n/index.ts';
import type { DbOrTx } from '../db/client.ts';
import {
	accessibility,
	address,
	attribute,
	contact,
	costOption,
	keywordIndexEntry,
	language,
	location,
	organization,
	phone,
	requiredDocument,
	schedule,
	service,
	serviceArea,
	serviceAtLocation,
	taxonomyTerm,
	type KeywordFilters
} from '../db/schema/index.ts';
import type { SearchHit } from '../search/types.ts';
import { AppError } from '../shared/errors.ts';
import { slugify } from '../shared/slug.ts';
import { AREAS_TAXONOMY, AUDIENCE_TAXONOMY } from '../taxonomy/reference.ts';

/** Services shown in lists and counts; defunct and inactive ones are not offered to families. */
export const LISTED_STATUSES = ['active', 'temporarily closed'] as const;
/** Services that still have a page (an inactive one says so at the top). */
const PAGE_STATUSES = ['active', 'temporarily closed', 'inactive'] as const;

export const AREA_PAGE_SIZE = 20;
export const ORGANIZATION_PAGE_SIZE = 50;

/** A service in a list: the search engine's hit shape, so lists and results share one card. */
export type ServiceSummary = SearchHit;

export type Paged<T> = { items: T[]; total: number; page: number; perPage: number; totalPages: number };

const pick = (lang: Lang, it: string, en: string | null | undefined) => (lang === 'en' && en ? en : it);

const isListed = () => inArray(service.status, [...LISTED_STATUSES]);

const parentTerm = alias(taxonomyTerm, 'parent_term');

function pageOf(page: number | undefined): number {
	return Number.isInteger(page) && page! >= 1 ? page! : 1;
}

/** "Via Padova 276, 20132 Milano" */
export function formatAddress(a: {
	address1: string;
	address2?: string | null;
	postalCode?: string | null;
	city?: string | null;
}): string {
	const street = [a.address1, a.address2].filter(Boolean).join(' ');
	const place = [a.postalCode, a.city].filter(Boolean).join(' ');
	return [street, place].filter(Boolean).join(', ');
}

/** List entries for `ids`, in the order given. */
async function loadSummaries(db: DbOrTx, ids: string[]): Promise<ServiceSummary[]> {
	if (!ids.length) return [];
	const [rows, areaRows, placeRows] = await Promise.all([
		db
			.select({
				id: service.id,
				slug: service.slug,
				name: service.name,
				description: service.description,
				freeOfCharge: service.freeOfCharge,
				orgId: organization.id,
				orgName: organization.name,
				orgSlug: organization.slug
			})
			.from(service)
			.innerJoin(organization, eq(organization.id, service.organizationId))
			.where(inArray(service.id, ids)),
		db
			.select({ serviceId: attribute.linkId, code: taxonomyTerm.code, position: taxonomyTerm.position })
			.from(attribute)
			.innerJoin(taxonomyTerm, eq(taxonomyTerm.id, attribute.taxonomyTermId))
			.where(
				and(
					eq(attribute.linkEntity, 'service'),
					inArray(attribute.linkId, ids),
					eq(taxonomyTerm.taxonomy, AREAS_TAXONOMY),
					isNotNull(taxonomyTerm.code)
				)
			)
			.orderBy(asc(taxonomyTerm.position)),
		// The first location of each service, preferring physical ones and their physical address.
		db
			.selectDistinctOn([serviceAtLocation.serviceId], {
				serviceId: serviceAtLocation.serviceId,
				municipio: location.municipio,
				address1: address.address1,
				address2: address.address2,
				postalCode: address.postalCode,
				city: address.city
			})
			.from(serviceAtLocation)
			.innerJoin(location, eq(location.id, serviceAtLocation.locationId))
			.leftJoin(address, and(eq(address.locationId, location.id), eq(address.addressType, 'physical')))
			.where(inArray(serviceAtLocation.serviceId, ids))
			.orderBy(
				serviceAtLocation.serviceId,
				sql`(${location.locationType} = 'physical') desc`,
				sql`(${address.id} is null)`,
				serviceAtLocation.id,
				address.id
			)
	]);
	const areas = new Map<string, string[]>();
	for (const row of areaRows) {
		if (row.code) areas.set(row.serviceId, [...(areas.get(row.serviceId) ?? []), row.code]);
	}
	const places = new Map(placeRows.map((p) => [p.serviceId, p]));
	const byId = new Map(
		rows.map((r) => {
			const place = places.get(r.id);
			const summary: ServiceSummary = {
				id: r.id,
				slug: r.slug,
				name: r.name,
				summary: summarize(r.description),
				organization: { id: r.orgId, name: r.orgName, slug: r.orgSlug },
				areas: areas.get(r.id) ?? [],
				municipio: place?.municipio ?? null,
				address: place?.address1 ? formatAddress({ ...place, address1: place.address1 }) : null,
				freeOfCharge: r.freeOfCharge,
				distanceKm: null,
				url: `/servizi/${r.slug}`
			};
			return [r.id, summary] as const;
		})
	);
	return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Listed services matching `where`, a page at a time, by name. */
export async function findServicePage(db: DbOrTx, where: SQL, page: number, perPage: number): Promise<Paged<ServiceSummary>> {
	const condition = and(isListed(), where);
	const [[counted], idRows] = await Promise.all([
		db.select({ total: sql<number>`count(*)::int` }).from(service).where(condition),
		db
			.select({ id: service.id })
			.from(service)
			.where(condition)
			.orderBy(sql`lower(piazza_unaccent(${service.name}))`, service.id)
			.limit(perPage)
			.offset((page - 1) * perPage)
	]);
	const total = counted?.total ?? 0;
	return {
		items: await loadSummaries(
			db,
			idRows.map((r) => r.id)
		),
		total,
		page,
		perPage,
		totalPages: Math.max(1, Math.ceil(total / perPage))
	};
}

// ---------------------------------------------------------------------------------------------
// Areas of need

export type SubcategoryEntry = { id: string; name: string; serviceCount: number };
export type AreaEntry = {
	id: string;
	name: string;
	description: string;
	serviceCount: number;
	subcategories: SubcategoryEntry[];
};

/**
 * The areas of need in their reference order, with sub-categories and listed-service counts;
 * `within` narrows the counted services (a condition on `service`, e.g. located in a municipio).
 */
export async function findAreas(db: DbOrTx, options: { lang?: Lang; within?: SQL } = {}): Promise<AreaEntry[]> {
	const lang = options.lang ?? 'it';
	const counted = and(isListed(), options.within);
	const [terms, subCounts, areaCounts] = await Promise.all([
		db
			.select({
				id: taxonomyTerm.id,
				code: taxonomyTerm.code,
				name: taxonomyTerm.name,
				nameEn: taxonomyTerm.nameEn,
				description: taxonomyTerm.description,
				descriptionEn: taxonomyTerm.descriptionEn,
				kind: taxonomyTerm.kind,
				parentId: taxonomyTerm.parentId
			})
			.from(taxonomyTerm)
			.where(
				and(
					eq(taxonomyTerm.taxonomy, AREAS_TAXONOMY),
					inArray(taxonomyTerm.kind, ['area', 'subcategory']),
					isNotNull(taxonomyTerm.code)
				)
			)
			.orderBy(asc(taxonomyTerm.position), asc(taxonomyTerm.name)),
		db
			.select({ termId: attribute.taxonomyTermId, count: sql<number>`count(distinct ${service.id})::int` })
			.from(attribute)
			.innerJoin(service, eq(service.id, attribute.linkId))
			.where(and(eq(attribute.linkEntity, 'service'), counted))
			.groupBy(attribute.taxonomyTermId),
		// A service counts once in an area whether it is tagged with the area, a sub-category, or both.
		db
			.select({
				areaTermId: sql<string>`coalesce(${parentTerm.id}, ${taxonomyTerm.id})`,
				count: sql<number>`count(distinct ${service.id})::int`
			})
			.from(attribute)
			.innerJoin(taxonomyTerm, eq(taxonomyTerm.id, attribute.taxonomyTermId))
			.leftJoin(parentTerm, eq(parentTerm.id, taxonomyTerm.parentId))
			.innerJoin(service, eq(service.id, attribute.linkId))
			.where(and(eq(attribute.linkEntity, 'service'), eq(taxonomyTerm.taxonomy, AREAS_TAXONOMY), counted))
			.groupBy(sql`1`)
	]);
	const subCount = new Map(subCounts.map((r) => [r.termId, r.count]));
	const areaCount = new Map(areaCounts.map((r) => [r.areaTermId, r.count]));
	const areas = terms.filter((term) => term.kind === 'area');
	return areas.map((area) => ({
		id: area.code!,
		name: pick(lang, area.name, area.nameEn),
		description: pick(lang, area.description, area.descriptionEn),
		serviceCount: areaCount.get(area.id) ?? 0,
		subcategories: terms
			.filter((term) => term.kind === 'subcategory' && term.parentId === area.id)
			.map((sub) => ({ id: sub.code!, name: pick(lang, sub.name, sub.nameEn), serviceCount: subCount.get(sub.id) ?? 0 }))
	}));
}

/** One area with its sub-categories, or NOT_FOUND. */
export async function getArea(db: DbOrTx, areaId: string, options: { lang?: Lang } = {}): Promise<AreaEntry> {
	const area = (await findAreas(db, options)).find((a) => a.id === areaId);
	if (!area) throw new AppError('NOT_FOUND', 'Quest’area di bisogno non esiste.', { field: 'area' });
	return area;
}

/**
 * Listed services of an area (tagged with the area or any of its sub-categories), or of one
 * sub-category, 20 per page by name. An unknown area or a sub-category of another area is NOT_FOUND.
 */
export async function findAreaServices(
	db: DbOrTx,
	areaId: string,
	options: { subcategory?: string | null; page?: number; perPage?: number } = {}
): Promise<Paged<ServiceSummary>> {
	const tagged = await taggedWithArea(db, areaId, options.subcategory);
	return findServicePage(db, tagged, pageOf(options.page), options.perPage ?? AREA_PAGE_SIZE);
}

/**
 * A condition on `service`: tagged with the area or any of its sub-categories, or with the one
 * sub-category given. An unknown area or a sub-category of another area is NOT_FOUND.
 */
export async function taggedWithArea(db: DbOrTx, areaId: string, subcategory?: string | null): Promise<SQL> {
	const terms = await db
		.select({ id: taxonomyTerm.id, code: taxonomyTerm.code, kind: taxonomyTerm.kind, parentId: taxonomyTerm.parentId })
		.from(taxonomyTerm)
		.where(eq(taxonomyTerm.taxonomy, AREAS_TAXONOMY));
	const area = terms.find((t) => t.kind === 'area' && t.code === areaId);
	if (!area) throw new AppError('NOT_FOUND', 'Quest’area di bisogno non esiste.', { field: 'area' });
	let termIds: string[];
	if (subcategory) {
		const sub = terms.find((t) => t.code === subcategory && t.parentId === area.id);
		if (!sub) throw new AppError('NOT_FOUND', 'Questa sottocategoria non esiste in quest’area.', { field: 'subcategory' });
		termIds = [sub.id];
	} else {
		termIds = [area.id, ...terms.filter((t) => t.parentId === area.id).map((t) => t.id)];
	}
	return sql`exists (select 1 from ${attribute} where ${attribute.linkEntity} = 'service' and ${attribute.linkId} = ${service.id} and ${inArray(attribute.taxonomyTermId, termIds)})`;
}

// ---------------------------------------------------------------------------------------------
// Home

/** The most recently updated listed services ("Novità"). */
export async function findLatestServices(db: DbOrTx, limit = 6): Promise<ServiceSummary[]> {
	const rows = await db
		.select({ id: service.id })
		.from(service)
		.where(isListed())
		.orderBy(desc(service.updatedAt), asc(service.name))
		.limit(limit);
	return loadSummaries(
		db,
		rows.map((r) => r.id)
	);
}

export type KeywordExcerptEntry = { slug: string; word: string; query: string; filters: KeywordFilters };

/** A few words of the A-Z index for the home page, alphabetically; empty when the index is. */
export async function findKeywordIndexExcerpt(db: DbOrTx, limit = 12): Promise<KeywordExcerptEntry[]> {
	return db
		.select({
			slug: keywordIndexEntry.slug,
			word: keywordIndexEntry.word,
			query: keywordIndexEntry.query,
			filters: keywordIndexEntry.filters
		})
		.from(keywordIndexEntry)
		.orderBy(sql`lower(piazza_unaccent(${keywordIndexEntry.word}))`)
		.limit(limit);
}

// ---------------------------------------------------------------------------------------------
// Service page

const { searchDocument: _searchDocument, ...serviceColumns } = getTableColumns(service);

type ServiceRow = Omit<typeof service.$inferSelect, 'searchDocument'>;
type ScheduleRow = typeof schedule.$inferSelect;
type PhoneRow = typeof phone.$inferSelect;

/** A taxonomy term by its reference id (code); for a sub-category, `parent` is its area. */
export type TermRef = {
	id: string;
	name: string;
	kind: string | null;
	parent: { id: string; name: string } | null;
};

export type ServicePageLocation = {
	id: string;
	name: string | null;
	description: string | null;
	transportation: string | null;
	latitude: number | null;
	longitude: number | null;
	municipio: number | null;
	nilName: string | null;
	/** The NIL's page is /quartieri/<nilSlug> (the nil table's slug: the slug of its readable name). */
	nilSlug: string | null;
	locationType: string;
	url: string | null;
	addresses: (typeof address.$inferSelect & { formatted: string })[];
	accessibility: (typeof accessibility.$inferSelect)[];
	phones: PhoneRow[];
	schedules: ScheduleRow[];
};

export type ServicePage = {
	service: ServiceRow;
	organization: { id: string; name: string; slug: string; website: string | null; email: string | null };
	/** Areas and sub-categories (reference ids), in reference order. */
	areas: TermRef[];
	/** Family types and groups of people the service is for. */
	audiences: TermRef[];
	locations: ServicePageLocation[];
	/** Schedules of the service itself (not tied to one location). */
	schedules: ScheduleRow[];
	phones: PhoneRow[];
	contacts: (typeof contact.$inferSelect)[];
	costOptions: (typeof costOption.$inferSelect)[];
	languages: (typeof language.$inferSelect)[];
	requiredDocuments: (typeof requiredDocument.$inferSelect)[];
	serviceAreas: (typeof serviceArea.$inferSelect)[];
};

/** Everything the service page shows, by slug. Unknown or defunct services are NOT_FOUND. */
export async function getServicePage(db: DbOrTx, slug: string, options: { lang?: Lang } = {}): Promise<ServicePage> {
	const lang = options.lang ?? 'it';
	const [found] = await db
		.select({
			service: serviceColumns,
			organization: {
				id: organization.id,
				name: organization.name,
				slug: organization.slug,
				website: organization.website,
				email: organization.email
			}
		})
		.from(service)
		.innerJoin(organization, eq(organization.id, service.organizationId))
		.where(and(eq(service.slug, slug), inArray(service.status, [...PAGE_STATUSES])))
		.limit(1);
	if (!found) throw new AppError('NOT_FOUND', 'Questo servizio non esiste o non è più disponibile.', { field: 'slug' });
	const id = found.service.id;

	const links = await db
		.select({ salId: serviceAtLocation.id, locationId: serviceAtLocation.locationId })
		.from(serviceAtLocation)
		.where(eq(serviceAtLocation.serviceId, id))
		.orderBy(asc(serviceAtLocation.id));
	const locationIds = links.map((l) => l.locationId);
	const salIds = links.map((l) => l.salId);
	const none = sql`false`;

	const [terms, locationRows, addressRows, accessRows, phoneRows, scheduleRows, contacts, costOptions, languages, requiredDocuments, serviceAreas] =
		await Promise.all([
			db
				.select({
					id: taxonomyTerm.code,
					name: taxonomyTerm.name,
					nameEn: taxonomyTerm.nameEn,
					taxonomy: taxonomyTerm.taxonomy,
					kind: taxonomyTerm.kind,
					parentId: parentTerm.code,
					parentName: parentTerm.name,
					parentNameEn: parentTerm.nameEn
				})
				.from(attribute)
				.innerJoin(taxonomyTerm, eq(taxonomyTerm.id, attribute.taxonomyTermId))
				.leftJoin(parentTerm, eq(parentTerm.id, taxonomyTerm.parentId))
				.where(and(eq(attribute.linkEntity, 'service'), eq(attribute.linkId, id), isNotNull(taxonomyTerm.code)))
				.orderBy(sql`coalesce(${parentTerm.position}, ${taxonomyTerm.position})`, sql`${taxonomyTerm.parentId} is not null`, asc(taxonomyTerm.position)),
			locationIds.length ? db.select().from(location).where(inArray(location.id, locationIds)) : [],
			locationIds.length
				? db.select().from(address).where(inArray(address.locationId, locationIds)).orderBy(asc(address.id))
				: [],
			locationIds.length ? db.select().from(accessibility).where(inArray(accessibility.locationId, locationIds)) : [],
			db
				.select()
				.from(phone)
				.where(
					or(
						eq(phone.serviceId, id),
						locationIds.length ? inArray(phone.locationId, locationIds) : none,
						salIds.length ? inArray(phone.serviceAtLocationId, salIds) : none
					)
				)
				.orderBy(asc(phone.id)),
			db
				.select()
				.from(schedule)
				.where(
					or(
						eq(schedule.serviceId, id),
						locationIds.length ? inArray(schedule.locationId, locationIds) : none,
						salIds.length ? inArray(schedule.serviceAtLocationId, salIds) : none
					)
				)
				.orderBy(asc(schedule.id)),
			db.select().from(contact).where(eq(contact.serviceId, id)).orderBy(asc(contact.id)),
			db.select().from(costOption).where(eq(costOption.serviceId, id)).orderBy(asc(costOption.id)),
			db.select().from(language).where(eq(language.serviceId, id)).orderBy(asc(language.name), asc(language.id)),
			db.select().from(requiredDocument).where(eq(requiredDocument.serviceId, id)).orderBy(asc(requiredDocument.id)),
			db.select().from(serviceArea).where(eq(serviceArea.serviceId, id))
		]);

	const salOf = new Map(links.map((l) => [l.salId, l.locationId]));
	// A schedule or phone belongs to a location when it names it or its service_at_location.
	const placeOf = (row: { locationId: string | null; serviceAtLocationId: string | null }) =>
		row.locationId ?? (row.serviceAtLocationId ? salOf.get(row.serviceAtLocationId) ?? null : null);
	const byLocation = new Map(locationRows.map((l) => [l.id, l]));

	const locations: ServicePageLocation[] = locationIds.flatMap((locationId) => {
		const l = byLocation.get(locationId);
		if (!l) return [];
		return [
			{
				id: l.id,
				name: l.name,
				description: l.description,
				transportation: l.transportation,
				latitude: l.latitude,
				longitude: l.longitude,
				municipio: l.municipio,
				nilName: l.nilName,
				nilSlug: l.nilName ? slugify(l.nilName) : null,
				locationType: l.locationType,
				url: l.url,
				addresses: addressRows
					.filter((a) => a.locationId === l.id)
					.map((a) => ({ ...a, formatted: formatAddress(a) })),
				accessibility: accessRows.filter((a) => a.locationId === l.id),
				phones: phoneRows.filter((p) => p.serviceId !== id && placeOf(p) === l.id),
				schedules: scheduleRows.filter((s) => s.serviceId !== id && placeOf(s) === l.id)
			}
		];
	});

	const toRef = (t: (typeof terms)[number]): TermRef => ({
		id: t.id!,
		name: pick(lang, t.name, t.nameEn),
		kind: t.kind,
		parent: t.parentId ? { id: t.parentId, name: pick(lang, t.parentName ?? t.parentId, t.parentNameEn) } : null
	});
	return {
		service: found.service,
		organization: found.organization,
		areas: terms.filter((t) => t.taxonomy === AREAS_TAXONOMY).map(toRef),
		audiences: terms.filter((t) => t.taxonomy === AUDIENCE_TAXONOMY).map(toRef),
		locations,
		schedules: scheduleRows.filter((s) => s.serviceId === id),
		phones: phoneRows.filter((p) => p.serviceId === id),
		contacts,
		costOptions,
		languages,
		requiredDocuments,
		serviceAreas
	};
}

// ---------------------------------------------------------------------------------------------
// Organization page

export type OrganizationPage = {
	organization: Omit<typeof organization.$inferSelect, 'createdAt'>;
	phones: PhoneRow[];
	services: Paged<ServiceSummary>;
};

/** An organization and its listed services (50 per page), by slug; NOT_FOUND when unknown. */
export async function getOrganizationPage(
	db: DbOrTx,
	slug: string,
	options: { page?: number } = {}
): Promise<OrganizationPage> {
	const { createdAt: _createdAt, ...columns } = getTableColumns(organization);
	const [org] = await db.select(columns).from(organization).where(eq(organization.slug, slug)).limit(1);
	if (!org) throw new AppError('NOT_FOUND', 'Questo ente non esiste.', { field: 'slug' });
	const [phones, services] = await Promise.all([
		db.select().from(phone).where(eq(phone.organizationId, org.id)).orderBy(asc(phone.id)),
		findServicePage(db, eq(service.organizationId, org.id), pageOf(options.page), ORGANIZATION_PAGE_SIZE)
	]);
	return { organization: org, phones, services };
}

// ---------------------------------------------------------------------------------------------
// Sitemap

export type SitemapEntries = {
	areas: string[];
	keywords: string[];
	services: { slug: string; updatedAt: Date }[];
	organizations: { slug: string; updatedAt: Date }[];
};

/** Every public page worth indexing: areas, keywords, listed services, organizations offering them. */
export async function findSitemapEntries(db: DbOrTx): Promise<SitemapEntries> {
	const [areas, keywords, services, organizations] = await Promise.all([
		db
			.select({ code: taxonomyTerm.code })
			.from(taxonomyTerm)
			.where(and(eq(taxonomyTerm.taxonomy, AREAS_TAXONOMY), eq(taxonomyTerm.kind, 'area'), isNotNull(taxonomyTerm.code)))
			.orderBy(asc(taxonomyTerm.position)),
		db.select({ slug: keywordIndexEntry.slug }).from(keywordIndexEntry).orderBy(asc(keywordIndexEntry.slug)),
		db
			.select({ slug: service.slug, updatedAt: service.updatedAt })
			.from(service)
			.where(isListed())
			.orderBy(asc(service.slug)),
		db
			.select({ slug: organization.slug, updatedAt: organization.updatedAt })
			.from(organization)
			.where(
				sql`exists (select 1 from ${service} where ${service.organizationId} = ${organization.id} and ${isListed()})`
			)
			.orderBy(asc(organization.slug))
	]);
	return { areas: areas.map((a) => a.code!), keywords: keywords.map((k) => k.slug), services, organizations };
}
