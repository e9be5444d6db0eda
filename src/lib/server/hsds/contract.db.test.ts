/**
 * Contract of the HSDS API: every endpoint's response, read the way its route reads it (the
 * route's parameter parser, then its query), validated with ajv against the official HSDS 3.1
 * schemas (data/hsds/3.1/schema/), on a real subset of the demo data and on the official
 * examples. Any schema error fails the test.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { apiInfoErrors, hsdsSchemaErrors, pageEnvelopeErrors, type HsdsSchemaName } from '#tests/hsds-schemas.ts';
import { importServices } from '../imports/import-services.ts';
import { buildDemoServices } from '../seed/build-demo-services.ts';
import { hsdsApiInfo } from './api-info.ts';
import {
	parseOrganizationQuery,
	parseOrganizationsQuery,
	parseServiceAtLocationsQuery,
	parseServicesQuery,
	parseTaxonomiesQuery,
	parseTaxonomyTermsQuery,
	type Parsed
} from './inputs.ts';
import {
	findHsdsOrganizations,
	findHsdsServiceAtLocations,
	findHsdsServices,
	findHsdsTaxonomies,
	findHsdsTaxonomyTerms,
	getHsdsOrganization,
	getHsdsService,
	getHsdsServiceAtLocation,
	getHsdsTaxonomy,
	getHsdsTaxonomyTerm,
	type HsdsPage
} from './queries.ts';

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

function params<T>(parse: (p: URLSearchParams) => Parsed<T>, query = ''): T {
	const parsed = parse(new URLSearchParams(query));
	if (!parsed.ok) throw new Error(`${query}: ${parsed.error.message}`);
	return parsed.value;
}

/** Schema errors of each item of a page (and of the envelope), prefixed with where they are. */
function pageErrors(label: string, page: HsdsPage<unknown>, schema: HsdsSchemaName): string[] {
	return [
		...pageEnvelopeErrors(page).map((e) => `${label}: ${e}`),
		...page.contents.flatMap((item, i) => hsdsSchemaErrors(schema, item).map((e) => `${label} [${i}]: ${e}`))
	];
}

const recordErrors = (label: string, record: unknown, schema: HsdsSchemaName) =>
	hsdsSchemaErrors(schema, record).map((e) => `${label}: ${e}`);

/**
 * Every endpoint once or more on `db`, with every form (default, minimal, full, full_service),
 * each result checked against its official schema. Returns the errors and how many records
 * were checked, so a test over an empty database cannot pass.
 */
async function checkEveryEndpoint(db: TestDb['db']): Promise<{ errors: string[]; checked: number }> {
	const errors: string[] = [...apiInfoErrors(hsdsApiInfo('https://piazza.example.org'))];
	let checked = 0;
	const page = async (label: string, read: Promise<{ body: HsdsPage<unknown> }>, schema: HsdsSchemaName) => {
		const { body } = await read;
		checked += body.contents.length;
		errors.push(...pageErrors(label, body, schema));
		return body.contents as { id: string }[];
	};
	const record = async (label: string, read: Promise<{ body: unknown }>, schema: HsdsSchemaName) => {
		checked++;
		errors.push(...recordErrors(label, (await read).body, schema));
	};

	const services = await page('services', findHsdsServices(db, params(parseServicesQuery, 'per_page=100')), 'compiled/service_list');
	await page('services full', findHsdsServices(db, params(parseServicesQuery, 'full=true&per_page=40')), 'compiled/service');
	await page('services minimal', findHsdsServices(db, params(parseServicesQuery, 'minimal=true')), 'compiled/service_list:minimal');
	for (const s of services.slice(0, 40)) await record(`services/${s.id}`, getHsdsService(db, s.id), 'compiled/service');

	const organizations = await page(
		'organizations',
		findHsdsOrganizations(db, params(parseOrganizationsQuery, 'per_page=100')),
		'compiled/organization_list'
	);
	await page('organizations full', findHsdsOrganizations(db, params(parseOrganizationsQuery, 'full=true&per_page=20')), 'compiled/organization');
	for (const o of organizations.slice(0, 10)) {
		await record(`organizations/${o.id}`, getHsdsOrganization(db, o.id, params(parseOrganizationQuery)), 'compiled/organization');
		await record(
			`organizations/${o.id}?full_service=true`,
			getHsdsOrganization(db, o.id, params(parseOrganizationQuery, 'full_service=true')),
			'compiled/organization'
		);
	}

	const taxonomies = await page('taxonomies', findHsdsTaxonomies(db, params(parseTaxonomiesQuery)), 'taxonomy');
	for (const t of taxonomies) await record(`taxonomies/${t.id}`, getHsdsTaxonomy(db, t.id), 'taxonomy');
	const terms = await page('taxonomy_terms', findHsdsTaxonomyTerms(db, params(parseTaxonomyTermsQuery, 'per_page=100')), 'taxonomy_term');
	for (const t of terms.slice(0, 10)) await record(`taxonomy_terms/${t.id}`, getHsdsTaxonomyTerm(db, t.id), 'taxonomy_term');

	const places = await page(
		'service_at_locations',
		findHsdsServiceAtLocations(db, params(parseServiceAtLocationsQuery, 'per_page=100')),
		'compiled/service_at_location_list'
	);
	await page(
		'service_at_locations full',
		findHsdsServiceAtLocations(db, params(parseServiceAtLocationsQuery, 'full=true&per_page=40')),
		'compiled/service_at_location'
	);
	// The official OpenAPI points /service_at_locations/{id} at compiled/service.json, a mistake
	// (the endpoint returns a service at a location, not a service): validated against the
	// service_at_location schema instead.
	for (const p of places.slice(0, 20)) {
		await record(`service_at_locations/${p.id}`, getHsdsServiceAtLocation(db, p.id), 'compiled/service_at_location');
	}
	return { errors, checked };
}

describe('the schema validators', () => {
	it('reject what the official schemas forbid', () => {
		const names: HsdsSchemaName[] = [
			'compiled/service',
			'compiled/service_list',
			'compiled/service_list:minimal',
			'compiled/organization',
			'compiled/organization_list',
			'compiled/service_at_location',
			'compiled/service_at_location_list',
			'taxonomy',
			'taxonomy_term'
		];
		for (const name of names) expect(hsdsSchemaErrors(name, { id: 'not-a-uuid', name: 7 }), name).not.toEqual([]);
		expect(hsdsSchemaErrors('taxonomy', { id: crypto.randomUUID(), name: 'x', description: '' })).toEqual([]);
		expect(pageEnvelopeErrors({ total_items: 1, contents: [] })).not.toEqual([]);
		expect(apiInfoErrors({ version: 3.1 })).not.toEqual([]);
	});
});

describe('HSDS API contract: a real subset of the demo data', () => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb();
		// every 4th demo service: all the seed sources, a quarter of the import time
		const report = await importServices(
			t.db,
			buildDemoServices().filter((_, i) => i % 4 === 0)
		);
		expect(report.rejected).toEqual([]);
	});
	afterAll(() => t?.destroy());

	it('every endpoint validates against the official schemas', { timeout: 120_000 }, async () => {
		const { errors, checked } = await checkEveryEndpoint(t.db);
		expect(errors).toEqual([]);
		expect(checked).toBeGreaterThan(500);
	});
});

describe('HSDS API contract: the official examples', () => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb();
		const full = readJson('data/hsds/3.1/examples/service_full.json');
		// the example ships latitude 100 / longitude 101, which no point on Earth has
		full.service_at_locations[0].location.latitude = 45.4781;
		full.service_at_locations[0].location.longitude = 9.2256;
		const listed = readJson('data/hsds/3.1/examples/service_list.json').contents;
		const report = await importServices(t.db, [full, ...listed.filter((s: { id: string }) => s.id !== full.id)]);
		expect(report.rejected).toEqual([]);
	});
	afterAll(() => t?.destroy());

	it('every endpoint validates against the official schemas', { timeout: 120_000 }, async () => {
		const { errors, checked } = await checkEveryEndpoint(t.db);
		expect(errors).toEqual([]);
		expect(checked).toBeGreaterThan(5);
	});

	it('serves the example service with what HSDS nests in it', async () => {
		const example = readJson('data/hsds/3.1/examples/service_full.json');
		const { body } = await getHsdsService(t.db, example.id);
		expect(body.name).toBe(example.name);
		expect(body.organization.name).toBe(example.organization.name);
		expect(body.service_at_locations[0]!.location.addresses[0]!.address_1).toBe(
			example.service_at_locations[0].location.addresses[0].address_1
		);
		expect(body.attributes.map((a) => a.taxonomy_term.name)).toEqual(
			example.attributes.map((a: { taxonomy_term: { name: string } }) => a.taxonomy_term.name)
		);
	});
});
