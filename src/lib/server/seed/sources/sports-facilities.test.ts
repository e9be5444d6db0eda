import { describe, expect, it } from 'vitest';
import { createSeedContext } from '../context.ts';
import { buildService } from '../hsds.ts';
import { convertSportsFacilities } from './sports-facilities.ts';
import { mergePools, readPools } from './swimming-pools.ts';

const feature = (p: Record<string, unknown>) => ({
	type: 'Feature',
	geometry: { type: 'Point', coordinates: [p.Longitudine, p.Latitudine] },
	properties: { Municipio: '9', SPECIFICA_LOCALITA: 'Impianto Sportivo', ...p }
});
const minzoni = {
	VIA: 'Via Don Giovanni Minzoni', LOCALITA: '4, 20158', Gestore: 'A.C. Garibaldina 1932', Mail: 'acgaribaldina@virgilio.it',
	'Sito Internet': 'www.acgaribaldina1932.net', NIL: 'DERGANO', Latitudine: 45.5048719469, Longitudine: 9.16934145338,
	Note: 'Un campo da calcio a 11 in erba naturale non illuminato| una tribuna scoperta.'
};
const cozzi = { VIA: 'Viale Tunisia', LOCALITA: '35, 20124', NIL: 'BUENOS AIRES - PORTA VENEZIA - PORTA MONFORTE', Latitudine: 45.4806, Longitudine: 9.2053 };
const SPORTS = JSON.stringify({
	type: 'FeatureCollection',
	features: [
		feature({ ...minzoni, Tipo: 'Calcio a 11' }),
		feature({ ...minzoni, Tipo: 'Calcetto a 5' }),
		feature({ ...minzoni, Tipo: 'Calcio a 11' }),
		feature({ ...cozzi, SPECIFICA_LOCALITA: 'Piscina Cozzi', Tipo: 'Nuoto', Gestore: 'Milanosport S.P.A.', Mail: 'suggerimenti@milanosport.it', Note: 'Una vasca da 33 ml.' }),
		feature({ ...cozzi, SPECIFICA_LOCALITA: 'Piscina Cozzi', Tipo: 'Pallanuoto', Gestore: 'Milanosport S.P.A.', Note: 'Una vasca da 33 ml.' }),
		feature({ ...cozzi, SPECIFICA_LOCALITA: 'Palestra Comunale', Tipo: 'Scherma', Gestore: 'Federazione Italiana Scherma', Note: 'Palestra per la scherma' }),
		feature({ VIA: 'Via Fuori', LOCALITA: '1, 20090', Tipo: 'Tennis', Latitudine: 45.58, Longitudine: 9.27 })
	]
});
const POOLS = JSON.stringify({
	type: 'FeatureCollection',
	features: [
		{ type: 'Feature', properties: { OBJECTID: '1', DENOMINAZIONE: 'COZZI', INDIRIZZO: 'V.LE TUNISIA, 35', MUNICIPIO: '2', x: 9.2053, y: 45.4806 } },
		{ type: 'Feature', properties: { OBJECTID: '2', DENOMINAZIONE: 'ROMANO', INDIRIZZO: 'VIA AMPÈRE, 20', MUNICIPIO: '3', x: 9.2266, y: 45.4807 } },
		{ type: 'Feature', properties: { OBJECTID: '3', DENOMINAZIONE: 'ROMANO (25mt)', INDIRIZZO: 'VIA AMPÈRE, 20', MUNICIPIO: '3', x: 9.2267, y: 45.4808 } }
	]
});

const ctx = createSeedContext('CODICE_VIA,AREA,DESCRIZIONE_VIA,CIVICO,BARRATO,CAP,SEZIONE,MUNICIPIO\n', [
	{ latitude: 45.48, longitude: 9.227, postalCode: '20131' }
]);

describe('convertSportsFacilities', () => {
	const sites = convertSportsFacilities(SPORTS, ctx);

	it('groups the rows of a site into one service and drops points outside Milan', () => {
		expect(sites.map((s) => s.draft.name)).toEqual(['Impianto sportivo di Via Don Giovanni Minzoni 4', 'Piscina Cozzi']);
		expect(sites[0]!.sports).toEqual(['Calcio a 11', 'Calcetto a 5']);
		expect(sites[1]!.sports).toEqual(['Nuoto', 'Pallanuoto', 'Scherma']);
	});

	it('describes sports, facilities and operators, under Tempo libero / Sport', () => {
		const [minzoniService, cozziService] = sites.map((s) => buildService(s.draft));
		expect(minzoniService!.description).toContain('gestito da A.C. Garibaldina 1932');
		expect(minzoniService!.description).toContain('Sport praticabili: calcio a 11 e calcetto a 5.');
		expect(minzoniService!.description).toContain('un campo da calcio a 11 in erba naturale non illuminato; una tribuna scoperta');
		expect(minzoniService!.description).toContain('(quartiere Dergano)');
		expect(minzoniService!.organization).toMatchObject({ name: 'A.C. Garibaldina 1932', email: 'acgaribaldina@virgilio.it' });
		expect(minzoniService!.service_at_locations[0]!.location.addresses[0]).toMatchObject({ address_1: 'Via Don Giovanni Minzoni 4', postal_code: '20158' });
		expect(minzoniService!.attributes.map((a) => a.taxonomy_term.code).slice(0, 2)).toEqual(['tempo-libero', 'sport']);
		expect(cozziService!.description).toContain('Nel centro operano anche Federazione Italiana Scherma.');
		expect(cozziService!.x_keywords).toContain('piscina');
	});
});

describe('swimming pools', () => {
	it('folds a pool into the sports site at the same place and keeps the others, one per address', () => {
		const sites = convertSportsFacilities(SPORTS, ctx);
		const standalone = mergePools(readPools(POOLS, ctx), sites, ctx).map(buildService);
		expect(standalone.map((s) => s.name)).toEqual(['Centro balneare Romano']);
		expect(standalone[0]!.service_at_locations[0]!.location.addresses[0]).toMatchObject({ address_1: 'Via Ampère 20', postal_code: '20131' });
		expect(sites[1]!.draft.description).toContain('Comprende il centro balneare comunale «Cozzi» (Viale Tunisia 35).');
	});
});
