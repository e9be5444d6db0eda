/**
 * Reads behind the pages of places: the 9 municipi (/municipi) and the 88 NIL (/quartieri), what
 * each offers by area of need, the NILs of a municipio and its information desks. A service is
 * "in" a place when one of its locations is (location.municipio, location.nil_id).
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Lang } from '../../i18n/index.ts';
import type { DbOrTx } from '../db/client.ts';
import { location, municipio, nil, service, serviceAtLocation } from '../db/schema/index.ts';
import {
	findAreas,
	findServicePage,
	LISTED_STATUSES,
	taggedWithArea,
	type AreaEntry,
	type Paged,
	type ServiceSummary
} from '../directory/queries.ts';
import { AppError } from '../shared/errors.ts';

export const NIL_PAGE_SIZE = 20;
/** The sub-category of the municipio's information desks (Servizio Sociale Professionale Territoriale). */
export const DESK_SUBCATEGORY = { area: 'informazioni', subcategory: 'orientamento-servizi-sociali' } as const;

export type Centre = { lat: number; lon: number };
export type MunicipioEntry = { number: number; name: string; serviceCount: number; nilCount: number };
export type NilEntry = { id: number; name: string; slug: string; municipio: number; serviceCount: number };

/** A condition on `service`: one of its locations satisfies `where` (on `location`). */
const locatedWhere = (where: SQL) =>
	sql`exists (select 1 from ${serviceAtLocation} join ${location} on ${location.id} = ${serviceAtLocation.locationId} where ${serviceAtLocation.serviceId} = ${service.id} and ${where})`;

const inMunicipio = (n: number) => locatedWhere(sql`${location.municipio} = ${n}`);
const inNil = (id: number) => locatedWhere(sql`${location.nilId} = ${id}`);

/** Listed services per value of a location column (a service in two NILs counts in both). */
async function countServicesBy(db: DbOrTx, column: typeof location.municipio | typeof location.nilId) {
	const rows = await db
		.select({ key: column, count: sql<number>`count(distinct ${service.id})::int` })
		.from(service)
		.innerJoin(serviceAtLocation, eq(serviceAtLocation.serviceId, service.id))
		.innerJoin(location, eq(location.id, serviceAtLocation.locationId))
		.where(inArray(service.status, [...LISTED_STATUSES]))
		.groupBy(column);
	return new Map(rows.map((r) => [r.key, r.count]));
}

/** The 9 municipi with their listed services and NILs. */
export async function findMunicipi(db: DbOrTx): Promise<MunicipioEntry[]> {
	const [rows, counts, nilCounts] = await Promise.all([
		db.select({ number: municipio.number, name: municipio.name }).from(municipio).orderBy(asc(municipio.number)),
		countServicesBy(db, location.municipio),
		db
			.select({ municipio: nil.municipio, count: sql<number>`count(*)::int` })
			.from(nil)
			.groupBy(nil.municipio)
	]);
	const nilCount = new Map(nilCounts.map((r) => [r.municipio, r.count]));
	return rows.map((m) => ({ ...m, serviceCount: counts.get(m.number) ?? 0, nilCount: nilCount.get(m.number) ?? 0 }));
}

/** The NILs by name (of one municipio when given), with their listed services. */
export async function findNilList(db: DbOrTx, options: { municipio?: number } = {}): Promise<NilEntry[]> {
	const [rows, counts] = await Promise.all([
		db
			.select({ id: nil.id, name: nil.name, slug: nil.slug, municipio: nil.municipio })
			.from(nil)
			.where(options.municipio === undefined ? undefined : eq(nil.municipio, options.municipio))
			.orderBy(sql`lower(piazza_unaccent(${nil.name}))`),
		countServicesBy(db, location.nilId)
	]);
	return rows.map((n) => ({ ...n, serviceCount: counts.get(n.id) ?? 0 }));
}

export type MunicipioPage = {
	municipio: { number: number; name: string; centre: Centre };
	serviceCount: number;
	/** Areas of need with the municipio's services in each (areas without any included). */
	areas: AreaEntry[];
	nil: NilEntry[];
	desks: ServiceSummary[];
};

/** One municipio's page, or NOT_FOUND. */
export async function getMunicipioPage(db: DbOrTx, number: number, options: { lang?: Lang } = {}): Promise<MunicipioPage> {
	const [row] = await db
		.select({ number: municipio.number, name: municipio.name, lat: municipio.centreLat, lon: municipio.centreLon })
		.from(municipio)
		.where(eq(municipio.number, number));
	if (!row) throw new AppError('NOT_FOUND', 'Questo municipio non esiste: Milano ha 9 municipi, numerati da 1 a 9.');
	const desk = await taggedWithArea(db, DESK_SUBCATEGORY.area, DESK_SUBCATEGORY.subcategory);
	const [areas, nilEntries, desks, all] = await Promise.all([
		findAreas(db, { lang: options.lang, within: inMunicipio(number) }),
		findNilList(db, { municipio: number }),
		findServicePage(db, and(desk, inMunicipio(number))!, 1, 50),
		findServicePage(db, inMunicipio(number), 1, 1)
	]);
	return {
		municipio: { number: row.number, name: row.name, centre: { lat: row.lat, lon: row.lon } },
		serviceCount: all.total,
		areas,
		nil: nilEntries,
		desks: desks.items
	};
}

export type NilPage = {
	nil: { id: number; name: string; officialName: string; slug: string; municipio: number; centre: Centre };
	serviceCount: number;
	areas: AreaEntry[];
	/** The area the list is narrowed to, or null for every service of the NIL. */
	area: AreaEntry | null;
	services: Paged<ServiceSummary>;
};

/** One NIL's page (its services by name, 20 a page, of one area when given), or NOT_FOUND. */
export async function getNilPage(
	db: DbOrTx,
	slug: string,
	options: { lang?: Lang; area?: string | null; page?: number } = {}
): Promise<NilPage> {
	const [row] = await db
		.select({
			id: nil.id,
			name: nil.name,
			officialName: nil.officialName,
			slug: nil.slug,
			municipio: nil.municipio,
			lat: nil.centreLat,
			lon: nil.centreLon
		})
		.from(nil)
		.where(eq(nil.slug, slug));
	if (!row) throw new AppError('NOT_FOUND', 'Questo quartiere non esiste: scegline uno dall’elenco dei quartieri.');
	const areas = await findAreas(db, { lang: options.lang, within: inNil(row.id) });
	const area = options.area ? (areas.find((a) => a.id === options.area) ?? null) : null;
	if (options.area && !area) {
		throw new AppError('INVALID_INPUT', 'Area di bisogno sconosciuta: scegline una dall’elenco.', { field: 'area' });
	}
	const where = area ? and(inNil(row.id), await taggedWithArea(db, area.id))! : inNil(row.id);
	const page = Number.isInteger(options.page) && options.page! >= 1 ? options.page! : 1;
	const [services, all] = await Promise.all([
		findServicePage(db, where, page, NIL_PAGE_SIZE),
		area ? findServicePage(db, inNil(row.id), 1, 1) : undefined
	]);
	const { lat, lon, ...rest } = row;
	return { nil: { ...rest, centre: { lat, lon } }, serviceCount: (all ?? services).total, areas, area, services };
}

/** Slugs of every NIL and numbers of every municipio, for the sitemap. */
export async function findPlaceSitemapEntries(db: DbOrTx): Promise<{ municipi: number[]; nil: string[] }> {
	const [m, n] = await Promise.all([
		db.select({ number: municipio.number }).from(municipio).orderBy(asc(municipio.number)),
		db.select({ slug: nil.slug }).from(nil).orderBy(asc(nil.slug))
	]);
	return { municipi: m.map((r) => r.number), nil: n.map((r) => r.slug) };
}
