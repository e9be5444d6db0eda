import { describe, expect, it } from 'vitest';
import { createSeedContext } from '../context.ts';
import { buildService } from '../hsds.ts';
import { convertLibraries } from './libraries.ts';

const CSV = [
	'codiceIsil;denominazioni.ufficiale;ente;indirizzo.via-piazza;tipologia-amministrativa;tipologia-funzionale;accesso.portatori-handicap;accesso.riservato;comune;position_label;Lat;Long',
	'IT-MI0176;Biblioteca comunale rionale Villapizzone;Comune di Milano;Via F. Grugnola 3;Comune;Importante non specializzata;True;False;Milano;1;45,4999236;9,1474471',
	"IT-MI0500;Biblioteca di Scienze della Terra;Università degli studi di Milano;Via Mangiagalli 34;Universita' statali;Istituto di insegnamento superiore;;False;Milano;2;45,4747;9,2308",
	'IT-MI0600;Biblioteca privata;;Via Riservata 1;NON SPECIFICATA;NON SPECIFICATA;;True;Milano;3;45,47;9,19',
	'IT-MB0001;Biblioteca civica di Monza;Comune di Monza;Via Padre Reginaldo Giuliani 1;Comune;Pubblica;;False;Milano;4;45,5845;9,2744'
].join('\n');

const ctx = createSeedContext(
	['CODICE_VIA,AREA,DESCRIZIONE_VIA,CIVICO,BARRATO,CAP,SEZIONE,MUNICIPIO', '1,VIA,GRUGNOLA FRANCESCO,3,,156,1,8'].join('\n'),
	[{ latitude: 45.47, longitude: 9.23, postalCode: '20133' }]
);

describe('convertLibraries', () => {
	const services = convertLibraries(CSV, ctx).map(buildService);

	it('drops libraries outside Milan and those with restricted access', () => {
		expect(services.map((s) => s.name)).toEqual(['Biblioteca comunale rionale Villapizzone', 'Biblioteca di Scienze della Terra']);
	});

	it('files public libraries under educational activities and courses, university ones under university', () => {
		const codes = services.map((s) => s.attributes.filter((a) => a.taxonomy_term.taxonomy === 'aree-di-bisogno').map((a) => a.taxonomy_term.code));
		expect(codes[0]).toEqual(['spazi-di-aggregazione', 'attivita-educative', 'tempo-libero', 'corsi-laboratori']);
		expect(codes[1]).toEqual(['scuola', 'corsi-universita']);
	});

	it('finds the CAP in the street register and keeps the accessibility flag', () => {
		const location = services[0]!.service_at_locations[0]!.location;
		expect(location.addresses[0]).toMatchObject({ address_1: 'Via F. Grugnola 3', postal_code: '20156' });
		expect(location.accessibility?.[0]?.description).toMatch(/disabilità motoria/);
		expect(location).toMatchObject({ external_identifier: 'IT-MI0176', latitude: 45.4999236 });
		expect(services[0]!.organization.name).toBe('Comune di Milano');
		expect(services[1]!.service_at_locations[0]!.location.addresses[0]!.postal_code).toBe('20133');
	});
});
