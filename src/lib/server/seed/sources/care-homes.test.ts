import { describe, expect, it } from 'vitest';
import { createSeedContext } from '../context.ts';
import { buildService } from '../hsds.ts';
import { convertCareHomes } from './care-homes.ts';

const HEADER =
	'"COD_ASL","COD_STRUTTURA","DENOM_STRUTTURA","INDIRIZZO_UBICAZIONE","COD_ISTAT_COMUNE_UBICAZIONE","COMUNE_UBICAZIONE","CAP","PROV_COMUNE_UBICAZIONE","TOT_POSTI_AUTORIZZATI","TOT_POSTI_ACCREDITATI","COD_GESTORE","DENOM_GESTORE","P_IVA","COD_FISCALE_GESTORE","INDIRIZZO_SEDE_LEGALE","COD_ISTAT_COMUNE_SEDE_LEGALE","COMUNE_SEDE_LEGALE","PROV_SEDE_LEGALE","PUBBLICA_PRIVATA","WGS84_Y","WGS84_X","FL_ACCREDITATA","Location"';
const MILAN =
	'"321","000314","RSA SAN GIORGIO","VIA MAURIZIO QUADRIO,14/16","015146","MILANO","20.154","MI","138","120","691212","SEGESTA GESTIONI SRL","04140620966","04140620966","VIALE CASSALA,22","015146","MILANO","MI","PRIVATA","45,484017","9,1836067","SI","POINT (9.1836067 45.484017)"';
const BERGAMO =
	'"325","095683","RSA SAN SISTO 2","VIA COLOGNOLA AI COLLI,9","016024","BERGAMO","24.126","BG","108","108","691497","KOS CARE S.R.L.","01148190547","01148190547","VIA DURINI,9","015146","MILANO","MI","PRIVATA","45,67749","9,66293","SI","POINT (9.66293 45.67749)"';
const VILLA =
	'"321","000503","VILLA ANTONIETTA","VIA DEI CICLAMINI,34","015146","MILANO","20.147","MI","96","96","690653","FONDAZIONE BIFFI ONLUS","04330030158","80032890156","VIA DEI CICLAMINI,34","015146","MILANO","MI","PRIVATA","45,4538548","9,1289371","SI","POINT (9.1289371 45.4538548)"';

const ctx = createSeedContext('CODICE_VIA,AREA,DESCRIZIONE_VIA,CIVICO,BARRATO,CAP,SEZIONE,MUNICIPIO\n', []);

describe('convertCareHomes', () => {
	const services = convertCareHomes([HEADER, MILAN, BERGAMO, VILLA].join('\n'), ctx).map(buildService);

	it('keeps only the RSA located in Milan', () => {
		expect(services.map((s) => s.name)).toEqual(['RSA San Giorgio', 'Villa Antonietta – RSA']);
	});

	it('repairs the thousands-dot CAP and the decimal-comma coordinates', () => {
		const location = services[0]!.service_at_locations[0]!.location;
		expect(location.addresses[0]).toMatchObject({ address_1: 'Via Maurizio Quadrio 14/16', postal_code: '20154' });
		expect(location.latitude).toBe(45.484017);
		expect(location.longitude).toBe(9.1836067);
		expect(location.external_identifier).toBe('000314');
	});

	it('names the operator and the places, under Case di riposo for older people', () => {
		const s = services[0]!;
		expect(s.organization.name).toBe('Segesta Gestioni SRL');
		expect(s.description).toContain('Posti letto autorizzati: 138, di cui 120 accreditati.');
		const codes = s.attributes.map((a) => `${a.taxonomy_term.taxonomy}:${a.taxonomy_term.code}`);
		expect(codes).toEqual(
			expect.arrayContaining(['aree-di-bisogno:accoglienza-abitativa', 'aree-di-bisogno:case-di-riposo', 'destinatari:anziani'])
		);
		expect(s.x_keywords).toContain('casa di riposo');
	});
});
