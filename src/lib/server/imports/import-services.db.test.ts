import { readFileSync } from 'node:fs';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import {
	address,
	attribute,
	contact,
	language,
	location,
	organization,
	phone,
	schedule,
	searchWord,
	service,
	serviceAtLocation,
	taxonomy,
	taxonomyTerm
} from '../db/schema/index.ts';
import { uuidV5 } from '../shared/ids.ts';
import { AREAS_TAXONOMY, termId } from '../taxonomy/reference.ts';
import { parseHsdsService } from './hsds-service.input.ts';
import { importServices } from './import-services.ts';
import { upsertService } from './upsert-service.ts';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
});
afterAll(() => t.destroy());

const id = (name: string) => uuidV5(`import-test:${name}`);
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** A small but complete service of our own, varied by `key`. */
function buildService(key: string, overrides: Record<string, unknown> = {}) {
	const serviceId = id(`service:${key}`);
	const locationId = id(`location:${key}`);
	return {
		id: serviceId,
		name: `Spazio compiti ${key}`,
		status: 'active',
		description: 'Aiuto nei compiti per ragazzi delle medie.',
		organization: { id: id(`org:${key}`), name: `Associazione ${key}`, description: 'Volontari di quartiere.' },
		phones: [{ id: id(`phone:${key}`), number: '02 1234567' }],
		schedules: [{ id: id(`schedule:${key}`), freq: 'WEEKLY', byday: 'MO,WE', opens_at: '14:30', closes_at: '18:00' }],
		languages: [{ id: id(`language:${key}`), name: 'Italiano', code: 'it' }],
		service_at_locations: [
			{
				id: id(`sal:${key}`),
				location: {
					id: locationId,
					location_type: 'physical',
					name: `Sede ${key}`,
					latitude: 45.4642,
					longitude: 9.19,
					addresses: [
						{
							id: id(`address:${key}`),
							address_1: 'Piazza del Duomo 1',
							city: 'Milano',
							state_province: 'MI',
							postal_code: '20122',
							country: 'IT'
						}
					]
				}
			}
		],
		attributes: [
			{
				id: id(`attribute:${key}`),
				taxonomy_term: {
					id: id(`term:${key}`), // not the reference id: must be ignored
					code: 'attivita-educative',
					name: 'Attività educative',
					taxonomy: 'aree-di-bisogno'
				}
			}
		],
		...overrides
	};
}

async function countWhere(table: typeof phone | typeof schedule | typeof language, column: 'serviceId', value: string) {
	const [row] = await t.db.select({ n: count() }).from(table).where(eq(table[column], value));
	return row!.n;
}

async function exists(table: typeof service | typeof organization | typeof location, rowId: string) {
	const rows = await t.db.select({ id: table.id }).from(table).where(eq(table.id, rowId));
	return rows.length === 1;
}

describe('importServices: the evaluation corpus', () => {
	it('imports all 90 services, each with at least one area of need', async () => {
		const corpus = readJson('tests/fixtures/eval-dev/corpus.json');
		const report = await importServices(t.db, corpus);
		expect(report.rejected).toEqual([]);
		expect(report.created).toBe(90);
		expect(report.updated).toBe(0);

		const ids: string[] = corpus.services.map((s: { id: string }) => s.id);
		const withArea = await t.db
			.selectDistinct({ id: attribute.linkId })
			.from(attribute)
			.innerJoin(taxonomyTerm, eq(taxonomyTerm.id, attribute.taxonomyTermId))
			.where(and(eq(taxonomyTerm.taxonomy, AREAS_TAXONOMY), inArray(attribute.linkId, ids)));
		expect(withArea).toHaveLength(90);

		// the search document is computed in the same transaction
		const [empty] = await t.db
			.select({ n: count() })
			.from(service)
			.where(and(inArray(service.id, ids), sql`${service.searchDocument} IS NULL`));
		expect(empty!.n).toBe(0);
		// and the search vocabulary is rebuilt once at the end
		const [words] = await t.db.select({ n: count() }).from(searchWord);
		expect(words!.n).toBeGreaterThan(100);
	});

	it('computes the municipio from the coordinates, not from x_municipio', async () => {
		const corpus = readJson('tests/fixtures/eval-dev/corpus.json');
		const first = corpus.services[0]; // Via Padova 276, x_municipio 2
		const locationId = first.service_at_locations[0].location.id;
		const [row] = await t.db.select().from(location).where(eq(location.id, locationId));
		expect(row!.municipio).toBe(2);
		expect(row!.nilId).not.toBeNull();
		// every corpus location with coordinates falls in the municipio the corpus states
		const mismatches = [];
		for (const s of corpus.services) {
			const loc = s.service_at_locations?.[0]?.location;
			if (!loc?.latitude) continue;
			const [l] = await t.db.select({ municipio: location.municipio }).from(location).where(eq(location.id, loc.id));
			if (l!.municipio !== s.x_municipio) mismatches.push(`${s.name}: ${l!.municipio} vs ${s.x_municipio}`);
		}
		expect(mismatches).toEqual([]);
	});

	it('updates on a second import of the same payload, without duplicating children', async () => {
		const corpus = readJson('tests/fixtures/eval-dev/corpus.json');
		const before = await t.db.select({ n: count() }).from(phone);
		const report = await importServices(t.db, corpus);
		expect(report).toEqual({ created: 0, updated: 90, rejected: [] });
		const after = await t.db.select({ n: count() }).from(phone);
		expect(after[0]!.n).toBe(before[0]!.n);
	});
});

describe('importServices: the official HSDS example', () => {
	it('imports service_full.json once its placeholder coordinates are made real', async () => {
		const full = readJson('data/hsds/3.1/examples/service_full.json');
		// the example ships latitude 100 / longitude 101, which no point on Earth has
		const raw = await importServices(t.db, [full], { dryRun: true });
		expect(raw.rejected).toEqual([
			expect.objectContaining({
				reasons: ['service_at_locations[0].location.latitude: deve essere un numero tra -90 e 90']
			})
		]);

		full.service_at_locations[0].location.latitude = 45.4781;
		full.service_at_locations[0].location.longitude = 9.2256;
		const report = await importServices(t.db, [full]);
		expect(report).toEqual({ created: 1, updated: 0, rejected: [] });

		const [row] = await t.db.select().from(service).where(eq(service.id, full.id));
		expect(row).toMatchObject({ name: 'Community Counselling', slug: 'community-counselling', freeOfCharge: false });
		const [loc] = await t.db.select().from(location).where(eq(location.id, full.service_at_locations[0].location.id));
		expect(loc!.municipio).toBe(3);
		// the example repeats one phone under the service, the contact, the location...: one row each
		const phones = await t.db.select().from(phone).where(eq(phone.number, '"+44 1234 234567"'));
		expect(phones.length).toBeGreaterThanOrEqual(5);
		expect(new Set(phones.map((p) => p.id)).size).toBe(phones.length);
		// its term belongs to an external taxonomy named by the term
		const [term] = await t.db.select().from(taxonomyTerm).where(eq(taxonomyTerm.id, '3f7b145d-84af-42d7-8fae-eaca714b02b2'));
		const [tax] = await t.db.select().from(taxonomy).where(eq(taxonomy.id, term!.taxonomyId!));
		expect(tax!.name).toBe('taxonomy');

		expect(await importServices(t.db, [full])).toEqual({ created: 0, updated: 1, rejected: [] });
	});
});

describe('upsertService through importServices', () => {
	it('replaces the children on update instead of adding to them', async () => {
		const first = buildService('update', {
			phones: [
				{ id: id('phone:update:a'), number: '02 1' },
				{ id: id('phone:update:b'), number: '02 2' }
			]
		});
		expect(await importServices(t.db, [first])).toMatchObject({ created: 1, rejected: [] });
		expect(await countWhere(phone, 'serviceId', first.id)).toBe(2);

		const second = buildService('update', {
			name: 'Spazio compiti rinnovato',
			phones: [{ id: id('phone:update:c'), number: '02 3' }],
			schedules: []
		});
		expect(await importServices(t.db, [second])).toMatchObject({ created: 0, updated: 1, rejected: [] });
		const phones = await t.db.select().from(phone).where(eq(phone.serviceId, first.id));
		expect(phones.map((p) => p.number)).toEqual(['02 3']);
		expect(await countWhere(schedule, 'serviceId', first.id)).toBe(0);
		const [row] = await t.db.select().from(service).where(eq(service.id, first.id));
		expect(row!.name).toBe('Spazio compiti rinnovato');
		const sal = await t.db.select().from(serviceAtLocation).where(eq(serviceAtLocation.serviceId, first.id));
		expect(sal).toHaveLength(1);
		const addresses = await t.db.select().from(address).where(eq(address.locationId, sal[0]!.locationId));
		expect(addresses).toHaveLength(1);
	});

	it('links terms to the reference taxonomy by code and adds the area of a sub-category', async () => {
		const s = buildService('terms');
		expect(await importServices(t.db, [s])).toMatchObject({ created: 1, rejected: [] });
		const terms = await t.db
			.select({ id: taxonomyTerm.id, code: taxonomyTerm.code })
			.from(attribute)
			.innerJoin(taxonomyTerm, eq(taxonomyTerm.id, attribute.taxonomyTermId))
			.where(and(eq(attribute.linkEntity, 'service'), eq(attribute.linkId, s.id)));
		expect(terms.map((x) => x.code).sort()).toEqual(['attivita-educative', 'spazi-di-aggregazione']);
		expect(terms.find((x) => x.code === 'attivita-educative')!.id).toBe(termId(AREAS_TAXONOMY, 'attivita-educative'));
		// the incoming term id created nothing
		expect(await t.db.select().from(taxonomyTerm).where(eq(taxonomyTerm.id, id('term:terms')))).toEqual([]);
	});

	it('keeps a code the reference taxonomy does not know, under an external taxonomy', async () => {
		const s = buildService('badcode', {
			attributes: [{ taxonomy_term: { code: 'astrologia', name: 'Astrologia', taxonomy: 'aree-di-bisogno' } }]
		});
		const report = await importServices(t.db, [s]);
		expect(report).toMatchObject({ created: 1, rejected: [] });
		const [term] = await t.db.select().from(taxonomyTerm).where(eq(taxonomyTerm.code, 'astrologia'));
		expect(term).toMatchObject({ name: 'Astrologia', taxonomy: 'aree-di-bisogno-esterna' });
		const [tax] = await t.db.select().from(taxonomy).where(eq(taxonomy.id, term!.taxonomyId!));
		expect(tax!.name).toBe('aree-di-bisogno-esterna');
		// the reference taxonomy itself is untouched
		const reference = await t.db.select().from(taxonomyTerm).where(eq(taxonomyTerm.taxonomy, 'aree-di-bisogno'));
		expect(reference.some((r) => r.code === 'astrologia')).toBe(false);
		expect(await importServices(t.db, [s])).toMatchObject({ updated: 1, rejected: [] });
	});

	it('puts the location in its municipio and NIL, ignoring x_municipio', async () => {
		const s = buildService('place', { x_municipio: 5 });
		await importServices(t.db, [s]);
		const [loc] = await t.db.select().from(location).where(eq(location.id, id('location:place')));
		expect(loc).toMatchObject({ municipio: 1, nilId: 1, nilName: 'Duomo' });
	});

	it('derives slugs that stay unique: same name, another id', async () => {
		const a = buildService('slug-a', { name: 'Sportello Lavoro' });
		const b = buildService('slug-b', { name: 'Sportello Lavoro', organization: { id: id('org:slug-a'), name: 'Associazione slug-a' } });
		const c = buildService('slug-c', { name: 'Altro nome', x_slug: 'Sportello Lavoro' });
		expect(await importServices(t.db, [a, b, c])).toMatchObject({ created: 3, rejected: [] });
		const slugs = await t.db
			.select({ id: service.id, slug: service.slug })
			.from(service)
			.where(inArray(service.id, [a.id, b.id, c.id]));
		const slugOf = (x: { id: string }) => slugs.find((r) => r.id === x.id)!.slug;
		expect(slugOf(a)).toBe('sportello-lavoro');
		expect(slugOf(b)).toBe(`sportello-lavoro-${b.id.replace(/-/g, '').slice(0, 6)}`);
		expect(slugOf(c)).toBe(`sportello-lavoro-${c.id.replace(/-/g, '').slice(0, 6)}`);
		// a re-import keeps them
		await importServices(t.db, [a, b, c]);
		const again = await t.db.select({ slug: service.slug }).from(service).where(eq(service.id, b.id));
		expect(again[0]!.slug).toBe(slugOf(b));
	});

	it('stores the x_ extensions and derives free_of_charge', async () => {
		const s = buildService('extensions', {
			fees_description: 'Gratuito per i residenti',
			x_slug: 'compiti-insieme',
			x_audience_description: 'Ragazzi dagli 11 ai 14 anni',
			x_how_to_access: 'Iscrizione in sede',
			x_what_you_need: 'Nulla',
			x_what_you_get: 'Due pomeriggi a settimana',
			x_timing: 'Da ottobre a maggio',
			x_channel: 'both',
			x_keywords: ['compiti', ' doposcuola ', 'compiti'],
			x_source: 'curated',
			x_curated: true
		});
		await importServices(t.db, [s]);
		const [row] = await t.db.select().from(service).where(eq(service.id, s.id));
		expect(row).toMatchObject({
			slug: 'compiti-insieme',
			audienceDescription: 'Ragazzi dagli 11 ai 14 anni',
			howToAccess: 'Iscrizione in sede',
			whatYouNeed: 'Nulla',
			whatYouGet: 'Due pomeriggi a settimana',
			timing: 'Da ottobre a maggio',
			channel: 'both',
			keywords: ['compiti', 'doposcuola'],
			source: 'curated',
			curated: true,
			freeOfCharge: true
		});
	});

	it('accepts organization_id alone when the organization exists, and rejects it otherwise', async () => {
		const known = buildService('org-ref', { organization: undefined, organization_id: id('org:update') });
		const unknown = buildService('org-missing', { organization: undefined, organization_id: id('org:nowhere') });
		const report = await importServices(t.db, [known, unknown]);
		expect(report.created).toBe(1);
		expect(report.rejected).toEqual([
			{
				index: 1,
				where: '[1]',
				id: unknown.id,
				name: unknown.name,
				reasons: [`organization_id: l'ente ${id('org:nowhere')} non esiste; includere l'oggetto organization`]
			}
		]);
		expect(await exists(location, id('location:org-missing'))).toBe(false);
	});

	it('rejects the second of two records with the same id', async () => {
		const s = buildService('twice');
		const report = await importServices(t.db, [s, { ...s, name: 'Altro' }]);
		expect(report.created).toBe(1);
		expect(report.rejected).toEqual([
			{ index: 1, where: '[1]', id: s.id, name: 'Altro', reasons: ['id ripetuto: lo stesso id compare già in [0]'] }
		]);
		const [row] = await t.db.select().from(service).where(eq(service.id, s.id));
		expect(row!.name).toBe('Spazio compiti twice');
	});

	it('dry run reports what would happen and writes nothing', async () => {
		const fresh = buildService('dry-new');
		const existing = buildService('update'); // imported above
		const broken = buildService('dry-broken', { status: 'aperto' });
		const report = await importServices(t.db, [fresh, existing, broken], { dryRun: true });
		expect(report.created).toBe(1);
		expect(report.updated).toBe(1);
		expect(report.rejected.map((r) => r.index)).toEqual([2]);
		expect(await exists(service, fresh.id)).toBe(false);
		expect(await exists(organization, fresh.organization.id)).toBe(false);
		const [row] = await t.db.select().from(service).where(eq(service.id, existing.id));
		expect(row!.name).toBe('Spazio compiti rinnovato'); // unchanged by the rehearsal
	});

	it('accepts an HSDS page ({ contents }) and rejects anything else as a payload', async () => {
		const page = { total_items: 1, total_pages: 1, page_number: 1, size: 1, first_page: true, last_page: true, empty: false, contents: [buildService('page')] };
		expect(await importServices(t.db, page)).toMatchObject({ created: 1 });
		await expect(importServices(t.db, { rows: [] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
		await expect(importServices(t.db, 'servizi')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
	});
});

describe('atomicity', () => {
	it('a record failing in the database leaves no service, location or organization behind', async () => {
		const owner = buildService('owner');
		expect(await importServices(t.db, [owner])).toMatchObject({ created: 1, rejected: [] });
		// valid on its own, but its phone reuses the id of another service's phone
		const clash = buildService('clash', { phones: [{ id: id('phone:owner'), number: '02 999' }] });
		const report = await importServices(t.db, [clash]);
		expect(report.created).toBe(0);
		expect(report.rejected).toHaveLength(1);
		expect(report.rejected[0]!.reasons[0]).toMatch(/già usato da un altro record \(tabella phone\)/);
		expect(await exists(service, clash.id)).toBe(false);
		expect(await exists(location, id('location:clash'))).toBe(false);
		expect(await exists(organization, id('org:clash'))).toBe(false);
		const [ownerPhone] = await t.db.select().from(phone).where(eq(phone.id, id('phone:owner')));
		expect(ownerPhone!.serviceId).toBe(owner.id);
	});

	it('a failed update keeps the previous version whole (children included)', async () => {
		const owner = buildService('owner');
		const update = buildService('owner', {
			name: 'Nome che non deve restare',
			phones: [{ id: id('phone:terms'), number: '02 777' }] // belongs to another service
		});
		const report = await importServices(t.db, [update]);
		expect(report.rejected).toHaveLength(1);
		const [row] = await t.db.select().from(service).where(eq(service.id, owner.id));
		expect(row!.name).toBe(owner.name);
		const phones = await t.db.select().from(phone).where(eq(phone.serviceId, owner.id));
		expect(phones.map((p) => p.id)).toEqual([id('phone:owner')]);
		expect(await countWhere(schedule, 'serviceId', owner.id)).toBe(1);
	});

	it('upsertService rolls back with its transaction when a row slips past validation', async () => {
		const parsed = parseHsdsService(buildService('slipped'));
		if (!parsed.ok) throw new Error(parsed.reasons.join('; '));
		const input = { ...parsed.value, phones: [{ number: null as unknown as string, type: null, description: null }] };
		await expect(t.db.transaction((tx) => upsertService(tx, input))).rejects.toThrow();
		expect(await exists(service, input.id)).toBe(false);
		expect(await exists(location, id('location:slipped'))).toBe(false);
		expect(await exists(organization, id('org:slipped'))).toBe(false);
		const contacts = await t.db.select().from(contact).where(eq(contact.serviceId, input.id));
		expect(contacts).toEqual([]);
	});
});

describe('batches', () => {
	const minimal = (key: string, overrides: Record<string, unknown> = {}) => ({
		id: id(`batch:${key}`),
		name: `Servizio in serie ${key}`,
		status: 'active',
		organization: { id: id('org:batches'), name: 'Ente delle serie' },
		phones: [{ id: id(`batch-phone:${key}`), number: '02 5' }],
		...overrides
	});

	it('imports more than one batch, reporting rejections in file order', async () => {
		const records = Array.from({ length: 130 }, (_, i) => minimal(String(i)));
		// fails on write: its phone id is the phone of record 103, written earlier in the same batch
		records[120] = minimal('120', { phones: [{ id: id('batch-phone:103'), number: '02 6' }] });
		records[105] = minimal('105', { status: 'chiuso' }); // fails validation
		const report = await importServices(t.db, records);
		expect(report.created).toBe(128);
		expect(report.rejected.map((r) => r.index)).toEqual([105, 120]);
		const ids = records.map((r) => r.id);
		const [stored] = await t.db.select({ n: count() }).from(service).where(inArray(service.id, ids));
		expect(stored!.n).toBe(128);
		const [indexed] = await t.db
			.select({ n: count() })
			.from(service)
			.where(and(inArray(service.id, ids), sql`${service.searchDocument} IS NOT NULL`));
		expect(indexed!.n).toBe(128);
	});

	it('writes a record with more values than a statement takes parameters (65,535) and keeps it whole', async () => {
		const phones = Array.from({ length: 12_000 }, (_, i) => ({ number: `02 ${i}` }));
		const report = await importServices(t.db, [minimal('many-phones', { phones })]);
		expect(report).toEqual({ created: 1, updated: 0, rejected: [] });
		expect(await countWhere(phone, 'serviceId', id('batch:many-phones'))).toBe(12_000);
	});

	it('when a batch fails as a whole, writes its records one by one so only the bad one is lost', async () => {
		// 600 distinct 2,000-letter words: more than the 1 MB a tsvector holds, so the search
		// refresh of the batch fails, after every record of it was written
		const huge = Array.from({ length: 600 }, (_, i) => `w${i}`.padEnd(2000, String.fromCharCode(97 + (i % 26)))).join(' ');
		const report = await importServices(t.db, [
			minimal('before'),
			minimal('huge', { x_how_to_access: huge }),
			minimal('after')
		]);
		expect(report.created).toBe(2);
		expect(report.rejected).toEqual([
			{
				index: 1,
				where: '[1]',
				id: id('batch:huge'),
				name: 'Servizio in serie huge',
				reasons: ['un testo del servizio è troppo lungo per essere indicizzato dalla ricerca']
			}
		]);
		expect(await exists(service, id('batch:huge'))).toBe(false);
		expect(await exists(service, id('batch:after'))).toBe(true);
	});
});

