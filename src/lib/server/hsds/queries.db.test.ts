import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { serviceAtLocation } from '../db/schema/index.ts';
import { defaultSearchParams } from '../search/inputs.ts';
import { FIXTURE_SERVICES, fixtureId, loadSearchFixture } from '../search/search-fixture.ts';
import { searchServices } from '../search/search-services.ts';
import { isAppError } from '../shared/errors.ts';
import { AREAS_TAXONOMY, AUDIENCE_TAXONOMY, taxonomyId, termId } from '../taxonomy/reference.ts';
import {
	parseOrganizationsQuery,
	parseServiceAtLocationsQuery,
	parseServicesQuery,
	parseTaxonomyTermsQuery,
	type Parsed
} from './inputs.ts';
import {
	findHsdsOrganizations,
	findHsdsServiceAtLocations,
	findHsdsServices,
	findHsdsTaxonomyTerms,
	getHsdsOrganization,
	getHsdsService,
	getHsdsServiceAtLocation
} from './queries.ts';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
	await loadSearchFixture(t.db);
});
afterAll(() => t.destroy());

function params<T>(parse: (p: URLSearchParams) => Parsed<T>, query = ''): T {
	const parsed = parse(new URLSearchParams(query));
	if (!parsed.ok) throw new Error(`${query}: ${parsed.error.message}`);
	return parsed.value;
}

const services = (query = '') => findHsdsServices(t.db, params(parseServicesQuery, query));
const places = (query = '') => findHsdsServiceAtLocations(t.db, params(parseServiceAtLocationsQuery, query));
const ids = (page: { contents: { id: string }[] }) => page.contents.map((c) => c.id);
const active = FIXTURE_SERVICES.filter((s) => s.status !== 'inactive');
const located = active.filter((s) => s.municipio !== null);

async function notFound(read: Promise<unknown>): Promise<boolean> {
	try {
		await read;
		return false;
	} catch (error) {
		return isAppError(error) && error.code === 'NOT_FOUND';
	}
}

describe('GET /services', () => {
	it('lists only published services, a page at a time, in the official envelope', async () => {
		const first = (await services('per_page=5')).body;
		expect(first).toMatchObject({
			total_items: active.length,
			total_pages: Math.ceil(active.length / 5),
			page_number: 1,
			size: 5,
			first_page: true,
			last_page: false,
			empty: false
		});
		const all = (await services('per_page=100')).body;
		expect(ids(all).sort()).toEqual(active.map((s) => fixtureId(s.key)).sort());
		expect(ids(all)).not.toContain(fixtureId('nido-chiuso'));
		const last = (await services(`per_page=5&page=${first.total_pages}`)).body;
		expect(last).toMatchObject({ first_page: false, last_page: true, size: active.length % 5 || 5 });
		const beyond = (await services('per_page=5&page=99')).body;
		expect(beyond).toMatchObject({ size: 0, empty: true, last_page: true, contents: [] });
	});

	it('ranks `search` results exactly as the search engine does', async () => {
		const engine = await searchServices(t.db, defaultSearchParams({ q: 'nido bambini', perPage: 100 }));
		expect(engine.hits.length).toBeGreaterThan(1);
		const hsds = (await services('search=nido bambini')).body;
		expect(ids(hsds)).toEqual(engine.hits.map((h) => h.id));
		expect(hsds.total_items).toBe(engine.total);
		// a later page, and the same ranking filtered by an HSDS parameter every match passes
		expect(ids((await services('search=nido bambini&per_page=1&page=2')).body)).toEqual([engine.hits[1]!.id]);
		const filtered = (await services(`search=nido bambini&taxonomy_id=${taxonomyId(AREAS_TAXONOMY)}`)).body;
		expect(ids(filtered)).toEqual(engine.hits.map((h) => h.id));
	});

	it('filters by taxonomy term, taxonomy, organization and modification time', async () => {
		const nidi = termId(AREAS_TAXONOMY, 'nidi-micronidi');
		const expected = active.filter((s) => s.areas.includes('nidi-micronidi')).map((s) => fixtureId(s.key));
		expect(expected.length).toBeGreaterThan(1);
		expect(ids((await services(`taxonomy_term_id=${nidi}`)).body).sort()).toEqual(expected.sort());

		const withAudience = active.filter((s) => s.audiences?.length).map((s) => fixtureId(s.key));
		expect(ids((await services(`taxonomy_id=${taxonomyId(AUDIENCE_TAXONOMY)}&per_page=100`)).body).sort()).toEqual(
			withAudience.sort()
		);

		const [one] = (await services('per_page=1')).body.contents as { id: string; organization_id: string }[];
		expect(ids((await services(`organization_id=${one!.organization_id}`)).body)).toEqual([one!.id]);

		const now = new Date();
		expect((await services(`modified_after=${new Date(now.getTime() + 60_000).toISOString()}`)).body.total_items).toBe(0);
		expect((await services('modified_after=2020-01-01')).body.total_items).toBe(active.length);
		// search and filters together
		expect(ids((await services(`search=nido&taxonomy_term_id=${nidi}&organization_id=${one!.organization_id}`)).body)).toEqual(
			expected.includes(one!.id) ? [one!.id] : []
		);
	});

	it('answers `minimal` with ids and modification times, `full` with nested services', async () => {
		const minimal = (await services('minimal=true')).body;
		expect(minimal.size).toBe(active.length);
		for (const item of minimal.contents) expect(Object.keys(item).sort()).toEqual(['id', 'last_modified']);
		const full = (await services('full=true&per_page=3')).body.contents[0] as { schedules?: unknown[]; service_at_locations?: unknown[] };
		expect(full.service_at_locations).toBeInstanceOf(Array);
		const summary = (await services('per_page=3')).body.contents[0] as Record<string, unknown>;
		expect(summary).not.toHaveProperty('service_at_locations');
		expect(summary).toHaveProperty('organization.name');
	});

	it('gives Last-Modified as the latest change of what the page holds', async () => {
		const served = await services('per_page=100');
		const latest = Math.max(...served.body.contents.map((c) => Date.parse(c.last_modified)));
		expect(served.lastModified?.getTime()).toBe(latest);
	});
});

describe('GET /services/{id}', () => {
	it('serves a published service and hides an inactive one', async () => {
		const id = fixtureId('nido-girasole');
		expect((await getHsdsService(t.db, id)).body.name).toBe('Nido comunale Girasole');
		expect(await notFound(getHsdsService(t.db, fixtureId('nido-chiuso')))).toBe(true);
		expect(await notFound(getHsdsService(t.db, crypto.randomUUID()))).toBe(true);
	});
});

describe('GET /organizations', () => {
	it('lists the organizations offering published services, with them when asked', async () => {
		const page = (await findHsdsOrganizations(t.db, params(parseOrganizationsQuery, 'per_page=100'))).body;
		expect(page.total_items).toBe(active.length); // one organization per fixture service
		const full = (await findHsdsOrganizations(t.db, params(parseOrganizationsQuery, 'full=true&search=girasole'))).body;
		expect(full.contents).toHaveLength(1);
		expect(full.contents[0]).toMatchObject({ services: [{ id: fixtureId('nido-girasole') }] });
		const owner = (await getHsdsService(t.db, fixtureId('nido-girasole'))).body.organization_id;
		expect((await getHsdsOrganization(t.db, owner, { fullService: true })).body.services[0]).toHaveProperty('schedules');
		expect((await getHsdsOrganization(t.db, owner, { fullService: false })).body.services[0]).not.toHaveProperty('schedules');
	});
});

describe('GET /taxonomy_terms', () => {
	it('filters top-level terms, children of a parent and a taxonomy', async () => {
		const read = (query: string) => findHsdsTaxonomyTerms(t.db, params(parseTaxonomyTermsQuery, query));
		const top = (await read('top_only=true&per_page=100')).body;
		expect(top.total_items).toBeGreaterThan(5);
		expect(top.contents.every((term) => term.parent_id === undefined)).toBe(true);
		const area = termId(AREAS_TAXONOMY, 'scuola');
		const children = (await read(`parent_id=${area}&per_page=100`)).body;
		expect(children.contents.map((c) => c.code)).toContain('nidi-micronidi');
		expect(children.contents.every((c) => c.parent_id === area)).toBe(true);
		const audiences = (await read(`taxonomy_id=${taxonomyId(AUDIENCE_TAXONOMY)}&per_page=100`)).body;
		expect(audiences.contents.every((c) => c.taxonomy === AUDIENCE_TAXONOMY)).toBe(true);
		expect(audiences.contents[0]!.taxonomy_detail?.name).toBe(AUDIENCE_TAXONOMY);
	});
});

describe('GET /service_at_locations', () => {
	it('lists the places of published services, filtered by postcode', async () => {
		const all = (await places('per_page=100')).body;
		expect(all.total_items).toBe(located.length);
		const at20132 = (await places('postcode=20132')).body;
		expect(at20132.contents.map((c) => c.service_id)).toEqual([fixtureId('contributo-affitto')]); // the inactive nest at the same address is left out
	});

	it('orders by distance from the postcode within `proximity` metres', async () => {
		const near = (await places('postcode=20132&proximity=6000&per_page=100')).body;
		expect(near.contents[0]!.service_id).toBe(fixtureId('contributo-affitto'));
		expect(near.total_items).toBeGreaterThan(1);
		expect(near.total_items).toBeLessThan(located.length);
		expect((await places('postcode=99999&proximity=6000')).body.total_items).toBe(0);
	});

	it('ranks `search` by the relevance of the service', async () => {
		const engine = await searchServices(t.db, defaultSearchParams({ q: 'nido', perPage: 100 }));
		const found = (await places('search=nido')).body;
		const locatedIds = new Set(located.map((s) => fixtureId(s.key)));
		expect(found.contents.map((c) => c.service_id)).toEqual(engine.hits.map((h) => h.id).filter((id) => locatedIds.has(id)));
	});

	it('serves one place with its service, and only for published services', async () => {
		const [first] = (await places('per_page=1')).body.contents;
		const one = (await getHsdsServiceAtLocation(t.db, first!.id)).body;
		expect(one.service.id).toBe(first!.service_id);
		expect(one.location.addresses.length).toBe(1);
		expect(one.service).not.toHaveProperty('service_at_locations');
		const [inactive] = await t.db
			.select({ id: serviceAtLocation.id })
			.from(serviceAtLocation)
			.where(eq(serviceAtLocation.serviceId, fixtureId('nido-chiuso')));
		expect(inactive).toBeDefined();
		expect(await notFound(getHsdsServiceAtLocation(t.db, inactive!.id))).toBe(true);
	});
});
