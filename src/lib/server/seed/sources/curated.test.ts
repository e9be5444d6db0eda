import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locateInMilan } from '../../geo/locate.ts';
import { loadReferenceTaxonomy } from '../../taxonomy/reference.ts';
import { buildService } from '../hsds.ts';
import { convertCuratedServices } from './curated.ts';

const text = readFileSync('data/seed/curated-services.json', 'utf8');

const record = (overrides: Record<string, unknown>) =>
	JSON.stringify({
		services: [
			{
				id: '0b9b8f9e-1f0a-5d2a-9c33-1d7d2b1b8e01',
				name: 'Prova',
				description: 'Prova.',
				status: 'active',
				organization: { name: 'Comune di Milano' },
				attributes: [{ taxonomy_term: { taxonomy: 'aree-di-bisogno', code: 'badanti' } }],
				...overrides
			}
		]
	});

describe('curated services', () => {
	const services = convertCuratedServices(text).map(buildService);

	it('are all valid, curated, with a fixed id and a sub-category', () => {
		expect(services.length).toBeGreaterThanOrEqual(80);
		expect(new Set(services.map((s) => s.id)).size).toBe(services.length);
		for (const s of services) {
			expect(s.x_curated).toBe(true);
			expect(s.x_source).toBe('curated');
			expect(s.description.length).toBeGreaterThan(80);
			expect(s.x_how_to_access, s.name).toBeTruthy();
			expect(s.attributes.some((a) => a.taxonomy_term.parent_id), s.name).toBe(true);
		}
	});

	it('cover every area and sub-category of the reference taxonomy', () => {
		const used = new Set(services.flatMap((s) => s.attributes.map((a) => a.taxonomy_term.code)));
		const missing = loadReferenceTaxonomy()
			.terms.filter((t) => t.taxonomy === 'aree-di-bisogno' && !used.has(t.code))
			.map((t) => t.code);
		expect(missing).toEqual([]);
	});

	it('place municipal offices in the municipio they name', () => {
		const placed = services.filter((s) => s.service_at_locations.length > 0);
		expect(placed.length).toBeGreaterThan(50);
		for (const s of placed) {
			const location = s.service_at_locations[0]!.location;
			const place = locateInMilan(location.latitude!, location.longitude!);
			expect(place.municipio, location.name).not.toBeNull();
			const named = /Municipio (\d)/.exec(location.name)?.[1];
			if (named) expect(place.municipio, location.name).toBe(Number(named));
		}
	});

	it('have one nursery and one centre for older people per municipio', () => {
		for (const m of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
			expect(services.some((s) => s.name === `Nidi d'infanzia comunali – Municipio ${m}`)).toBe(true);
			expect(services.some((s) => s.name === `Centri socio ricreativi per anziani – Municipio ${m}`)).toBe(true);
		}
	});

	it('reject malformed records with the record name', () => {
		expect(() => convertCuratedServices(record({ id: 'x' }))).toThrow(/"Prova": id non valido/);
		expect(() =>
			convertCuratedServices(record({ attributes: [{ taxonomy_term: { taxonomy: 'aree-di-bisogno', code: 'scuola' } }] }))
		).toThrow(/manca una sottocategoria/);
		expect(() =>
			convertCuratedServices(
				record({
					attributes: [
						{ taxonomy_term: { taxonomy: 'aree-di-bisogno', code: 'badanti' } },
						{ taxonomy_term: { taxonomy: 'aree-di-bisogno', code: 'scuola' } }
					]
				})
			)
		).toThrow(/area scuola senza una sua sottocategoria/);
		expect(() =>
			convertCuratedServices(record({ attributes: [{ taxonomy_term: { taxonomy: 'destinatari', code: 'marziani' } }] }))
		).toThrow(/termine sconosciuto/);
	});
});
