/** /cerca against a real database: parsing, results with labelled filters, zero-result help. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { importServices } from '#lib/server/imports/import-services.ts';
import { refreshSearchVocabulary } from '#lib/server/search/refresh-search-vocabulary.ts';
import { uuidV5 } from '#lib/server/shared/ids.ts';
import { loadSearchPage } from './search-page.server.ts';

let t: TestDb;
const now = new Date('2025-03-04T10:00:00+01:00'); // a Tuesday morning

const org = { id: uuidV5('test-org:comune'), name: 'Comune di Milano' };
type Spec = { key: string; name: string; description: string; codes: string[]; municipio?: [number, number]; free?: boolean };
const service = (s: Spec) => ({
	id: uuidV5(`test-service:${s.key}`),
	name: s.name,
	description: s.description,
	status: 'active',
	organization: org,
	fees_description: s.free ? 'Gratuito' : 'A pagamento secondo ISEE',
	attributes: s.codes.map((code) => ({
		taxonomy_term: { taxonomy: code.includes('=') ? 'destinatari' : 'aree-di-bisogno', code: code.replace('=', '') }
	})),
	service_at_locations: s.municipio
		? [
				{
					location: {
						name: s.name,
						latitude: s.municipio[0],
						longitude: s.municipio[1],
						addresses: [{ address_1: 'Via Test 1', city: 'Milano', state_province: 'MI', postal_code: '20100', country: 'IT' }]
					}
				}
			]
		: []
});

// Points inside Municipio 1 (Duomo) and Municipio 8 (Gallaratese) of Milan.
const M1: [number, number] = [45.4642, 9.19];
const M8: [number, number] = [45.5015, 9.1235];

beforeAll(async () => {
	t = await createTestDb();
	const report = await importServices(t.db, {
		services: [
			service({ key: 'nido-1', name: 'Nido comunale Brera', description: 'Nido d’infanzia per bambini da 3 mesi a 3 anni.', codes: ['scuola', 'nidi-micronidi', '=bambini-0-3'], municipio: M1 }),
			service({ key: 'nido-8', name: 'Nido comunale Gallaratese', description: 'Nido d’infanzia del quartiere, con sezione primavera.', codes: ['scuola', 'nidi-micronidi', '=bambini-0-3'], municipio: M8, free: true }),
			service({ key: 'infanzia-8', name: 'Scuola dell’infanzia Gallaratese', description: 'Scuola per bambini dai 3 ai 6 anni; iscrizione online.', codes: ['scuola', 'scuole', '=bambini-3-6'], municipio: M8 }),
			service({ key: 'affitto', name: 'Contributo per l’affitto', description: 'Aiuto economico alle famiglie che faticano a pagare l’affitto di casa.', codes: ['sostegno-economico', 'contributi-assegni', '=famiglie-tradizionali'], municipio: M1 }),
			service({ key: 'sportello-8', name: 'Punto informativo sociale Municipio 8', description: 'Sportello che ascolta e orienta verso i servizi sociali.', codes: ['informazioni', 'orientamento-servizi-sociali'], municipio: M8, free: true }),
			service({ key: 'sportello-1', name: 'Sportello informazioni del Comune', description: 'Informazioni su tutti i servizi comunali.', codes: ['informazioni', 'sportelli-informativi'], municipio: M1, free: true })
		]
	});
	expect(report.rejected).toEqual([]);
	await refreshSearchVocabulary(t.db); // what imports and the seed do after a batch
});
afterAll(() => t.destroy());

const load = async (qs: string, lang: 'it' | 'en' = 'it') => {
	const result = await loadSearchPage(t.db, new URLSearchParams(qs), { lang, now });
	if (!result.ok) throw new Error(`unexpected invalid input: ${result.field}: ${result.message}`);
	return result.data;
};

describe('loadSearchPage', () => {
	it('offers ways in, not a list, with neither words nor filters', async () => {
		const data = await load('lang=en', 'en');
		expect(data.search).toBeNull();
		expect(data.areas).toHaveLength(11);
		expect(data.areas[0]).toMatchObject({ id: 'informazioni', name: 'Information' });
	});

	it('finds services by words and labels the facets with their counts', async () => {
		const data = await load('q=nido');
		const s = data.search!;
		expect(s.total).toBe(2);
		expect(s.hits.map((h) => h.name).sort()).toEqual(['Nido comunale Brera', 'Nido comunale Gallaratese']);
		expect(s.help).toBeNull();
		expect(s.filters.area.options).toContainEqual({ name: 'area', value: 'scuola', label: 'Scuola', count: 2, checked: false });
		const municipi = s.filters.municipio.options.filter((o) => o.value !== '').map((o) => [o.value, o.count]);
		expect(municipi).toEqual([['1', 1], ['8', 1]]);
		expect(s.filters.subcategory).toBeNull();
		expect(data.filtered).toBe(false);
	});

	it('narrows by a sub-category chosen in the filter form', async () => {
		const data = await load('q=&area=scuola&sottocategoria=nidi-micronidi&audience=&municipio=8');
		expect(data.params).toMatchObject({ area: 'nidi-micronidi', municipio: 8 });
		expect(data.filtered).toBe(true);
		const s = data.search!;
		expect(s.hits.map((h) => h.name)).toEqual(['Nido comunale Gallaratese']);
		expect(s.filters.subcategory!.options.find((o) => o.checked)?.value).toBe('nidi-micronidi');
		expect(s.active.map((a) => a.label)).toEqual(['Scuola: Nidi e micronidi', 'Municipio 8']);
		expect(s.active[0]!.removeHref).toBe('/cerca?area=scuola&municipio=8');
	});

	it('keeps only free services with free=true', async () => {
		const s = (await load('area=scuola&free=true')).search!;
		expect(s.hits.map((h) => h.name)).toEqual(['Nido comunale Gallaratese']);
		expect(s.filters.flags.options[0]).toMatchObject({ name: 'free', checked: true });
	});

	it('rejects invalid parameters with the field at fault and an Italian message', async () => {
		for (const [qs, field] of [
			['q=casa&municipio=12', 'municipio'],
			['q=casa&page=0', 'page'],
			['q=casa&near=abc', 'near'],
			['q=casa&area=non-esiste', 'area']
		] as const) {
			const result = await loadSearchPage(t.db, new URLSearchParams(qs), { lang: 'it', now });
			expect(result, qs).toMatchObject({ ok: false, field });
			if (!result.ok) expect(result.message).toMatch(/[a-zà-ù]{3,}/);
		}
	});

	it('helps when nothing is found: keywords near the words, the information desks, 020202', async () => {
		const data = await load('q=telesocorso%20zqxjvwk');
		const s = data.search!;
		expect(s.total, JSON.stringify(s.hits.map((h) => h.name)) + s.correctedQuery).toBe(0);
		expect(s.help!.keywords.map((k) => k.slug)).toContain('telesoccorso');
		expect(s.help!.desks.map((d) => d.name).sort()).toEqual([
			'Punto informativo sociale Municipio 8',
			'Sportello informazioni del Comune'
		]);
		expect(s.help!.phone).toBe('020202');
		expect(data.areas).toHaveLength(11);
	});

	it('lists the desks of the searched municipio first', async () => {
		const s = (await load('q=zqxjvwk&municipio=8')).search!;
		expect(s.total).toBe(0);
		expect(s.help!.desks[0]!.name).toBe('Punto informativo sociale Municipio 8');
		expect(s.help!.desks).toHaveLength(2);
	});
});
