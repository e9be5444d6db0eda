import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import {
	address,
	attribute,
	costOption,
	keywordIndexEntry,
	language,
	location,
	organization,
	phone,
	requiredDocument,
	schedule,
	service,
	serviceAtLocation
} from '../db/schema/index.ts';
import { isAppError } from '../shared/errors.ts';
import { uuidV5 } from '../shared/ids.ts';
import { AREAS_TAXONOMY, AUDIENCE_TAXONOMY, termId } from '../taxonomy/reference.ts';
import {
	findAreas,
	findAreaServices,
	findKeywordIndexExcerpt,
	findLatestServices,
	findSitemapEntries,
	getOrganizationPage,
	getServicePage
} from './queries.ts';

type Fixture = {
	slug: string;
	name?: string;
	org?: string;
	status?: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
	areas?: string[];
	audiences?: string[];
	street?: string;
	municipio?: number;
	free?: boolean;
	updatedAt?: string;
	description?: string;
};

const id = (name: string) => uuidV5(`test:${name}`);

async function addOrganization(db: TestDb['db'], slug: string, name = `Ente ${slug}`) {
	await db.insert(organization).values({ id: id(`org:${slug}`), slug, name, website: `https://${slug}.example.org` }).onConflictDoNothing();
	return id(`org:${slug}`);
}

async function addService(db: TestDb['db'], f: Fixture) {
	const orgId = await addOrganization(db, f.org ?? 'comune');
	const serviceId = id(`service:${f.slug}`);
	await db.insert(service).values({
		id: serviceId,
		organizationId: orgId,
		slug: f.slug,
		name: f.name ?? `Servizio ${f.slug}`,
		description: f.description ?? `Descrizione di ${f.slug}. Seconda frase.`,
		status: f.status ?? 'active',
		freeOfCharge: f.free ?? null,
		updatedAt: f.updatedAt ? new Date(f.updatedAt) : new Date('2026-01-01T10:00:00Z')
	});
	for (const code of f.areas ?? []) {
		await db.insert(attribute).values({
			id: id(`attr:${f.slug}:${code}`),
			linkId: serviceId,
			linkEntity: 'service',
			taxonomyTermId: termId(AREAS_TAXONOMY, code)
		});
	}
	for (const code of f.audiences ?? []) {
		await db.insert(attribute).values({
			id: id(`attr:${f.slug}:${code}`),
			linkId: serviceId,
			linkEntity: 'service',
			taxonomyTermId: termId(AUDIENCE_TAXONOMY, code)
		});
	}
	if (f.street) {
		const locationId = id(`location:${f.slug}`);
		await db.insert(location).values({ id: locationId, name: `Sede ${f.slug}`, municipio: f.municipio ?? null, latitude: 45.49, longitude: 9.2 });
		await db.insert(address).values({
			id: id(`address:${f.slug}`),
			locationId,
			address1: f.street,
			city: 'Milano',
			stateProvince: 'MI',
			postalCode: '20132',
			country: 'IT'
		});
		await db.insert(serviceAtLocation).values({ id: id(`sal:${f.slug}`), serviceId, locationId });
	}
	return serviceId;
}

let testDb: TestDb;
let db: TestDb['db'];

beforeAll(async () => {
	testDb = await createTestDb();
	db = testDb.db;
	// Housing: two in "housing-sociale", one tagged with the area only, one with both area and sub-category.
	await addService(db, { slug: 'casa-a', name: 'Alloggi temporanei', areas: ['housing-sociale'], street: 'Via Padova 276', municipio: 2, free: true });
	await addService(db, { slug: 'casa-b', name: 'Bando case popolari', areas: ['accoglienza-abitativa', 'housing-sociale'] });
	await addService(db, { slug: 'casa-c', name: 'Comunità per mamme', areas: ['comunita-familiari'], org: 'coop' });
	await addService(db, { slug: 'casa-d', name: 'Dormitorio chiuso', areas: ['housing-sociale'], status: 'defunct' });
	await addService(db, { slug: 'casa-e', name: 'Émergenza casa', areas: ['accoglienza-abitativa'], status: 'temporarily closed', updatedAt: '2026-02-10T09:00:00Z' });
	// School: 25 nurseries to page through.
	for (let i = 1; i <= 25; i++) {
		await addService(db, { slug: `nido-${String(i).padStart(2, '0')}`, name: `Nido ${String(i).padStart(2, '0')}`, areas: ['nidi-micronidi'], org: 'coop' });
	}
});

afterAll(async () => {
	await testDb?.destroy();
});

describe('findAreas', () => {
	it('lists the 11 areas in reference order with counts that ignore defunct services and double tagging', async () => {
		const areas = await findAreas(db);
		expect(areas).toHaveLength(11);
		expect(areas[0]!.id).toBe('informazioni');
		const housing = areas.find((a) => a.id === 'accoglienza-abitativa')!;
		// casa-a, casa-b (area + sub-category: once), casa-c, casa-e (temporarily closed); not the defunct casa-d
		expect(housing.serviceCount).toBe(4);
		expect(housing.subcategories.map((s) => [s.id, s.serviceCount])).toEqual([
			['housing-sociale', 2],
			['comunita-familiari', 1],
			['case-di-riposo', 0]
		]);
		expect(areas.find((a) => a.id === 'scuola')!.serviceCount).toBe(25);
		expect(areas.find((a) => a.id === 'lavoro')!.serviceCount).toBe(0);
	});

	it('names areas in English when asked', async () => {
		const areas = await findAreas(db, { lang: 'en' });
		const housing = areas.find((a) => a.id === 'accoglienza-abitativa')!;
		expect(housing.name).toBe('Housing');
		expect(housing.subcategories[0]!.name).not.toBe('');
	});
});

describe('findAreaServices', () => {
	it('lists an area’s listed services by name, accent-insensitively', async () => {
		const result = await findAreaServices(db, 'accoglienza-abitativa');
		expect(result.items.map((s) => s.slug)).toEqual(['casa-a', 'casa-b', 'casa-c', 'casa-e']);
		expect(result.total).toBe(4);
		expect(result.totalPages).toBe(1);
		const first = result.items[0]!;
		expect(first).toMatchObject({
			name: 'Alloggi temporanei',
			url: '/servizi/casa-a',
			address: 'Via Padova 276, 20132 Milano',
			municipio: 2,
			freeOfCharge: true,
			areas: ['housing-sociale'],
			organization: { slug: 'comune', name: 'Ente comune' }
		});
		expect(first.summary).toBe('Descrizione di casa-a. Seconda frase.');
	});

	it('narrows to a sub-category', async () => {
		const result = await findAreaServices(db, 'accoglienza-abitativa', { subcategory: 'housing-sociale' });
		expect(result.items.map((s) => s.slug)).toEqual(['casa-a', 'casa-b']);
	});

	it('pages 20 at a time', async () => {
		const first = await findAreaServices(db, 'scuola');
		expect(first.total).toBe(25);
		expect(first.totalPages).toBe(2);
		expect(first.items).toHaveLength(20);
		const second = await findAreaServices(db, 'scuola', { page: 2 });
		expect(second.items.map((s) => s.slug)).toEqual(['nido-21', 'nido-22', 'nido-23', 'nido-24', 'nido-25']);
	});

	it('refuses an unknown area and a sub-category of another area', async () => {
		await expect(findAreaServices(db, 'non-esiste')).rejects.toSatisfy((e) => isAppError(e) && e.code === 'NOT_FOUND');
		await expect(findAreaServices(db, 'scuola', { subcategory: 'housing-sociale' })).rejects.toSatisfy(
			(e) => isAppError(e) && e.code === 'NOT_FOUND' && e.field === 'subcategory'
		);
	});
});

describe('findLatestServices', () => {
	it('puts the most recently updated listed services first', async () => {
		const latest = await findLatestServices(db, 3);
		expect(latest).toHaveLength(3);
		expect(latest[0]!.slug).toBe('casa-e');
		expect(latest.map((s) => s.slug)).not.toContain('casa-d');
	});
});

describe('getServicePage', () => {
	it('gathers everything the page shows', async () => {
		const serviceId = await addService(db, {
			slug: 'sportello-completo',
			name: 'Sportello completo',
			areas: ['sportelli-informativi'],
			audiences: ['genitori'],
			street: 'Via Dolci 5',
			municipio: 7
		});
		const locationId = id('location:sportello-completo');
		await db.insert(phone).values([
			{ id: id('phone:s'), serviceId, number: '02 1234567' },
			{ id: id('phone:l'), locationId, number: '02 7654321' }
		]);
		await db.insert(schedule).values([
			{ id: id('sched:s'), serviceId, freq: 'WEEKLY', byday: 'MO,TU', opensAt: '09:00', closesAt: '12:00' },
			{ id: id('sched:l'), locationId, freq: 'WEEKLY', byday: 'WE', opensAt: '14:00', closesAt: '16:00' }
		]);
		await db.insert(costOption).values({ id: id('cost'), serviceId, option: 'Ticket', amount: '10', currency: 'EUR' });
		await db.insert(language).values({ id: id('lang'), serviceId, name: 'Arabo', code: 'ar' });
		await db.insert(requiredDocument).values({ id: id('doc'), serviceId, document: 'ISEE in corso di validità' });

		const pageData = await getServicePage(db, 'sportello-completo');
		expect(pageData.service.name).toBe('Sportello completo');
		expect(pageData.organization.slug).toBe('comune');
		expect(pageData.areas).toEqual([
			{ id: 'sportelli-informativi', name: 'Sportelli informativi', kind: 'subcategory', parent: { id: 'informazioni', name: 'Informazioni' } }
		]);
		expect(pageData.audiences.map((a) => [a.id, a.name])).toEqual([['genitori', 'Genitori']]);
		expect(pageData.phones.map((p) => p.number)).toEqual(['02 1234567']);
		expect(pageData.schedules.map((s) => s.byday)).toEqual(['MO,TU']);
		expect(pageData.locations).toHaveLength(1);
		const place = pageData.locations[0]!;
		expect(place).toMatchObject({ municipio: 7, name: 'Sede sportello-completo' });
		expect(place.addresses[0]!.formatted).toBe('Via Dolci 5, 20132 Milano');
		expect(place.phones.map((p) => p.number)).toEqual(['02 7654321']);
		expect(place.schedules.map((s) => s.byday)).toEqual(['WE']);
		expect(pageData.costOptions[0]!.amount).toBe('10');
		expect(pageData.languages.map((l) => l.code)).toEqual(['ar']);
		expect(pageData.requiredDocuments.map((d) => d.document)).toEqual(['ISEE in corso di validità']);
		expect('searchDocument' in pageData.service).toBe(false);
	});

	it('names terms in English when asked', async () => {
		const pageData = await getServicePage(db, 'sportello-completo', { lang: 'en' });
		expect(pageData.audiences[0]!.name).toBe('Parents');
		expect(pageData.areas[0]!.parent).toEqual({ id: 'informazioni', name: 'Information' });
	});

	it('is NOT_FOUND for unknown and defunct services', async () => {
		await expect(getServicePage(db, 'nessuno')).rejects.toSatisfy((e) => isAppError(e) && e.code === 'NOT_FOUND');
		await expect(getServicePage(db, 'casa-d')).rejects.toSatisfy((e) => isAppError(e) && e.code === 'NOT_FOUND');
	});
});

describe('getOrganizationPage', () => {
	it('shows an organization with its listed services', async () => {
		const result = await getOrganizationPage(db, 'coop');
		expect(result.organization.name).toBe('Ente coop');
		expect(result.services.total).toBe(26);
		expect(result.services.items[0]!.slug).toBe('casa-c');
		expect(result.services.items).toHaveLength(26);
	});

	it('is NOT_FOUND for an unknown organization', async () => {
		await expect(getOrganizationPage(db, 'nessuno')).rejects.toSatisfy((e) => isAppError(e) && e.code === 'NOT_FOUND');
	});
});

describe('findSitemapEntries', () => {
	it('lists areas, keywords, listed services and the organizations that offer them', async () => {
		await addOrganization(db, 'senza-servizi');
		const entries = await findSitemapEntries(db);
		expect(entries.areas).toHaveLength(11);
		expect(entries.keywords).toContain('affitto'); // installed from data/reference/indice.json
		const slugs = entries.services.map((s) => s.slug);
		expect(slugs).toContain('casa-a');
		expect(slugs).toContain('casa-e');
		expect(slugs).not.toContain('casa-d');
		expect(entries.organizations.map((o) => o.slug)).toEqual(['comune', 'coop']);
		expect(entries.services[0]!.updatedAt).toBeInstanceOf(Date);
	});
});

describe('findKeywordIndexExcerpt', () => {
	it('is empty without an index, then alphabetical', async () => {
		await db.delete(keywordIndexEntry);
		expect(await findKeywordIndexExcerpt(db)).toEqual([]);
		await db.insert(keywordIndexEntry).values([
			{ slug: 'nido', word: 'nido', explanation: 'Asilo nido', query: 'nido' },
			{ slug: 'affitto', word: 'Affitto', explanation: 'Aiuti per l’affitto', query: 'affitto', filters: { area: 'sostegno-economico' } }
		]);
		const excerpt = await findKeywordIndexExcerpt(db, 5);
		expect(excerpt.map((e) => e.word)).toEqual(['Affitto', 'nido']);
		expect(excerpt[0]!.filters).toEqual({ area: 'sostegno-economico' });
	});
});
