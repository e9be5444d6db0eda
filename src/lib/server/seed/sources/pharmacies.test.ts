import { describe, expect, it } from 'vitest';
import { createSeedContext } from '../context.ts';
import { buildService } from '../hsds.ts';
import { convertPharmacies, pharmacyName, pharmacyPostalPoints } from './pharmacies.ts';

const HEADER =
	'CODICEIDENTIFICATIVOFARMACIA;CODFARMACIAASSEGNATODAASL;INDIRIZZO;DESCRIZIONEFARMACIA;PARTITAIVA;CAP;CODICECOMUNEISTAT;DESCRIZIONECOMUNE;FRAZIONE;CODICEPROVINCIAISTAT;SIGLAPROVINCIA;DESCRIZIONEPROVINCIA;CODICEREGIONE;DESCRIZIONEREGIONE;DATAINIZIOVALIDITA;DATAFINEVALIDITA;DESCRIZIONETIPOLOGIA;CODICETIPOLOGIA;orig_lat;orig_long;LOCALIZE;indirizzo_query;arcGIS_response;Long;Lat';
const row = (id: string, address: string, name: string, cap: string, lon: string, lat: string, end = '-') =>
	`${id};0;${address};${name};123;${cap};15146;MILANO;-;15;MI;MILANO;30;LOMBARDIA;01/01/2005;${end};Ordinaria;1;45.4666212;9.1906166;1;q;r;${lon};${lat}`;

const CSV = [
	HEADER,
	row('2597', 'Via C. Farini, 5 - Ang. Ceresio', 'GIANNONE', '20154', '9.181658840123555', '45.48365631196262'),
	row('3000', 'Viale Suzzani, 239', 'MUNICIPALE N.41', '20162', '9.19', '45.52'),
	row('3001', 'Via Altrove, 1', 'LONTANA', '20100', '9.60', '45.70'), // geocoded outside Milan
	row('3002', 'Via Chiusa, 2', 'CHIUSA', '20121', '9.19', '45.47', '31/12/2017')
].join('\n');

describe('pharmacyName', () => {
	it('turns registered company names into the name on the sign', () => {
		expect(pharmacyName('GIANNONE')).toBe('Farmacia Giannone');
		expect(pharmacyName("ANTICA FARMACIA DELL'ABBAZIA DI CHIARAVALLE SNC")).toBe("Antica Farmacia dell'Abbazia di Chiaravalle");
		expect(pharmacyName('PAOLO SARPI SNC DR. PIANA PIERO & C.')).toBe('Farmacia Paolo Sarpi');
		expect(pharmacyName('PORPORA SAS DI MACCHI ANNALISA & C.')).toBe('Farmacia Porpora');
		expect(pharmacyName('S. LUCA - DR.SSA LIVRAGHI')).toBe('Farmacia S. Luca');
		expect(pharmacyName('MUNICIPALE N.41')).toBe('Farmacia comunale n. 41');
		expect(pharmacyName('LLOYD FARMACIA COMUNALE N.60')).toBe('Farmacia comunale n. 60');
		expect(pharmacyName('COMUNALE 73')).toBe('Farmacia comunale n. 73');
	});
});

describe('convertPharmacies', () => {
	const ctx = createSeedContext('CODICE_VIA,AREA,DESCRIZIONE_VIA,CIVICO,BARRATO,CAP,SEZIONE,MUNICIPIO\n', pharmacyPostalPoints(CSV));
	const services = convertPharmacies(CSV, ctx).map(buildService);

	it('keeps open pharmacies inside Milan, with the re-geocoded point', () => {
		expect(services.map((s) => s.name)).toEqual(['Farmacia Giannone', 'Farmacia comunale n. 41']);
		expect(services[0]!.service_at_locations[0]!.location).toMatchObject({
			latitude: 45.48365631196262,
			longitude: 9.181658840123555
		});
		expect(services[0]!.service_at_locations[0]!.location.addresses[0]!.address_1).toBe('Via C. Farini 5 - Ang. Ceresio');
	});

	it('files pharmacies under Salute e prevenzione, the municipal ones under one operator', () => {
		for (const s of services) {
			expect(s.attributes.map((a) => a.taxonomy_term.code)).toEqual(
				expect.arrayContaining(['salute-e-prevenzione', 'servizi-medici-infermieristici'])
			);
		}
		expect(services[1]!.organization.name).toBe('Farmacie comunali di Milano');
	});
});
