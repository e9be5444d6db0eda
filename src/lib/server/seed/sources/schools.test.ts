import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSeedContext } from '../context.ts';
import { buildService, type HsdsService } from '../hsds.ts';
import { cleanSchoolName, convertSchools, instituteName, readableAddress, schoolName } from './schools.ts';

const headerOf = (file: string) => readFileSync(`data/seed/milano/${file}`, 'utf8').split(/\r?\n/)[0]!.replace(/^\uFEFF/, '');
const MIUR_HEADER = headerOf('scuole_miur_anagrafica_2016_17_geocoded.csv').split(';');
const CM_HEADER = headerOf('scuole_statali_cittametropolitana_milano.csv').split(',');

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (header: string[], rows: Record<string, string>[], delimiter: string) =>
	[header.map(quote).join(delimiter), ...rows.map((r) => header.map((h) => quote(r[h] ?? '')).join(delimiter))].join('\r\n');

const miurRow = (r: Record<string, string>) => ({
	ANNOSCOLASTICO: '201617',
	CODICECOMUNESCUOLA: 'F205',
	DESCRIZIONECOMUNE: 'MILANO',
	INDIRIZZOPECSCUOLA: 'Non Disponibile',
	SITOWEBSCUOLA: 'Non Disponibile',
	SEDESCOLASTICA: 'SI',
	...r
});

const MIUR = csv(
	MIUR_HEADER,
	[
		miurRow({
			CODICESCUOLA: 'MIEE8D001X', CAPSCUOLA: '20152', CODICEISTITUTORIFERIMENTO: 'MIIC8D000T',
			DENOMINAZIONEISTITUTORIFERIMENTO: 'IC IQBAL MASIH/MILANO', DENOMINAZIONESCUOLA: 'VIA VITERBO - MILANO',
			DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA: 'SCUOLA PRIMARIA', INDIRIZZOEMAILSCUOLA: 'MIIC8D000T@istruzione.it',
			INDIRIZZOSCUOLA: 'VIA VITERBO 31', SITOWEBSCUOLA: 'http//www.icsiqbalmasih.gov.it', bStatale: 'True',
			Long: '9,1076737', Lat: '45,45614279999999'
		}),
		miurRow({
			CODICESCUOLA: 'MI1A0001', CAPSCUOLA: '20100', DENOMINAZIONESCUOLA: 'SCUOLA DELL\'INFANZIA COMUNALE VIA GALVANI9',
			DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA: 'SCUOLA INFANZIA NON STATALE', INDIRIZZOEMAILSCUOLA: 'ED.InfanziaUE8@comune.milano.it',
			INDIRIZZOSCUOLA: 'VIA GALVANI9', bStatale: 'False', Long: '9,1995', Lat: '45,4838'
		}),
		miurRow({
			CODICESCUOLA: 'MIPS6D500I', CAPSCUOLA: '20122', DENOMINAZIONESCUOLA: 'VITTORIA COLONNA',
			DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA: 'SCUOLA SEC. SECONDO GRADO NON STATALE', INDIRIZZOEMAILSCUOLA: 'Non Disponibile',
			INDIRIZZOSCUOLA: 'VIA CONSERVATORIO 4', bStatale: 'False', Long: '9,2032455', Lat: '45,4643477'
		}),
		// geocoding error reported in SOURCES.md
		miurRow({
			CODICESCUOLA: 'MIEE000000', CAPSCUOLA: '20100', DENOMINAZIONESCUOLA: 'ALTROVE',
			DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA: 'SCUOLA PRIMARIA', INDIRIZZOSCUOLA: 'VIA ROMA 1', bStatale: 'True',
			CODICEISTITUTORIFERIMENTO: 'MIIC000000', DENOMINAZIONEISTITUTORIFERIMENTO: 'IC ALTROVE', Long: '103,58', Lat: '28,27'
		})
	],
	';'
);

const cmRow = (r: Record<string, string>) => ({ Provincia: 'MI', 'Cod. comune': 'F205', Comune: 'MILANO', 'Caratteristica scuola': 'Ordinaria', ...r });
const CM = csv(
	CM_HEADER,
	[
		cmRow({ Codice: 'MIEE8D001X', Tipologia: 'Istituto Istruzione Primario', Denominazione: 'Primaria - Viterbo', Indirizzo: 'Via Viterbo', Civico: '31', CAP: '20152', Telefono: '000248920634', coorY: '45.456', coorX: '9.107' }),
		cmRow({
			Codice: 'MIPS039018-LS', Tipologia: 'Istituto Istruzione Secondario Secondo grado', Denominazione: 'L. Scientifico - Russell',
			Indirizzo: 'Via Gatti', Civico: '16', CAP: '20162', Telefono: '026430051', 'Codice sede di direttivo': 'MIIS03900T',
			'Denominazione sede direttivo': 'B. Russell', 'Indirizzo E-Mail Autonomia': 'iisrussell@tiscalinet.it', coorY: '45.5178', coorX: '9.2174'
		}),
		cmRow({
			Codice: 'MIMM8BV01P', Tipologia: 'Istituto Istruzione Secondario Primo grado', Denominazione: 'Secondaria Primo Grado - Fabrizio De AndrÃ\u0083Â¨',
			Indirizzo: 'Via Cima', Civico: '15', CAP: '20100', 'Codice sede di direttivo': 'MIIC8BV00L',
			'Denominazione sede direttivo': 'Fabrizio De AndrÃ\u0083Â¨', coorY: '45.4717', coorX: '9.2468'
		}),
		cmRow({
			Codice: 'MICT719009', Tipologia: 'Ctp', Denominazione: 'C.T.P. - Anco Marzio San Vittore - sede associata carceraria',
			Indirizzo: 'Piazza Filangieri', Civico: '2', CAP: '20123', coorY: '45.4618', coorX: '9.1634'
		}),
		cmRow({
			Codice: 'MICT71800D', Tipologia: 'Ctp', Denominazione: 'C.T.P. - Via Oglio sede associata', Indirizzo: 'Via Oglio', Civico: '20',
			CAP: '20100', Telefono: '025395326', 'Denominazione sede direttivo': 'CPIA - Milano', coorY: '45.4401', coorX: '9.2183'
		}),
		{ ...cmRow({ Codice: 'MIEE8BV01P', Tipologia: 'Istituto Istruzione Primario', Denominazione: 'Primaria - via Verga', Indirizzo: 'Via Deledda', CAP: '20017', coorY: '45.535', coorX: '9.015' }), Comune: 'RHO' }
	],
	','
);

const ctx = createSeedContext(readFileSync('data/seed/milano/stradario_civici_cap_sezione_municipio.csv', 'utf8'), []);

describe('school names', () => {
	it('cleans MIUR and Città Metropolitana names', () => {
		expect(cleanSchoolName('VIA VITERBO - MILANO')).toBe('Via Viterbo');
		expect(cleanSchoolName('SCUOLA ELEM.PAR."A.RICCI"')).toBe('Scuola Elementare Paritaria A.Ricci');
		expect(schoolName('primaria', undefined, 'Via Viterbo')).toBe('Scuola primaria di Via Viterbo');
		expect(schoolName('secondo-grado', 'Liceo scientifico', 'Galvani')).toBe('Liceo scientifico Galvani');
		expect(schoolName('infanzia', undefined, "Scuola dell'Infanzia San Gioachimo")).toBe("Scuola dell'Infanzia San Gioachimo");
		expect(instituteName('MIIC8D000T', 'IC IQBAL MASIH/MILANO')).toBe('Istituto comprensivo Iqbal Masih');
		expect(instituteName('MIIS04300D', 'IS F.BESTA')).toBe("Istituto d'istruzione superiore F. Besta");
		expect(readableAddress('VIA SOLAROLI N. 9')).toBe('Via Solaroli 9');
		expect(readableAddress('P.LE LOTTO, 15')).toBe('Piazzale Lotto 15');
	});
});

describe('convertSchools', () => {
	const services = convertSchools({ miurCsv: MIUR, cittaMetropolitanaCsv: CM }, ctx).map(buildService);
	const byCode = new Map<string, HsdsService>(services.map((s) => [s.service_at_locations[0]!.location.external_identifier!, s]));

	it('merges the two registers on the school code and drops prison sites, other towns and bad points', () => {
		expect([...byCode.keys()].sort()).toEqual(['MI1A0001', 'MICT71800D', 'MIEE8D001X', 'MIMM8BV01P', 'MIPS039018-LS', 'MIPS6D500I']);
	});

	it('takes the MIUR record and adds the phone of the Città Metropolitana list', () => {
		const s = byCode.get('MIEE8D001X')!;
		expect(s.name).toBe('Scuola primaria di Via Viterbo');
		expect(s.organization.name).toBe('Istituto comprensivo Iqbal Masih');
		expect(s.organization.email).toBe('miic8d000t@istruzione.it');
		expect(s.url).toBe('http://www.icsiqbalmasih.gov.it/');
		expect(s.phones.map((p) => p.number)).toEqual(['0248920634']);
		expect(s.service_at_locations[0]!.location).toMatchObject({ latitude: 45.45614279999999, longitude: 9.1076737 });
		expect(s.x_source).toBe('miur-anagrafe-scuole-2016-17');
		expect(s.attributes.map((a) => a.taxonomy_term.code)).toEqual(['scuola', 'scuole', 'minori-6-14', 'genitori']);
	});

	it('recognises municipal nursery schools and replaces the catch-all CAP 20100', () => {
		const s = byCode.get('MI1A0001')!;
		expect(s.name).toBe("Scuola dell'Infanzia Comunale Via Galvani 9");
		expect(s.organization.name).toBe("Comune di Milano – Scuole dell'infanzia comunali");
		expect(s.service_at_locations[0]!.location.addresses[0]!.postal_code).toMatch(/^201(2[1-9]|[3-5]\d|6[0-2])$/);
		expect(s.attributes.map((a) => a.taxonomy_term.code)).toContain('bambini-3-6');
		expect(s.x_keywords).toContain('asilo');
	});

	it('names non-state upper secondary schools by the kind in their code', () => {
		expect(byCode.get('MIPS6D500I')!.name).toBe('Liceo scientifico Vittoria Colonna');
	});

	it('adds state sites only the Città Metropolitana list has, repairing double-encoded text', () => {
		const liceo = byCode.get('MIPS039018-LS')!;
		expect(liceo.name).toBe('Liceo scientifico Russell');
		expect(liceo.x_source).toBe('citta-metropolitana-milano-scuole-statali');
		const media = byCode.get('MIMM8BV01P')!;
		expect(media.name).toBe('Scuola secondaria di primo grado Fabrizio De Andrè');
		expect(media.organization.name).toBe('Istituto comprensivo Fabrizio De Andrè');
	});

	it('files adult-education centres under school and work, for adults and foreigners', () => {
		const cpia = byCode.get('MICT71800D')!;
		expect(cpia.name).toBe('CPIA Milano – Via Oglio');
		expect(cpia.attributes.map((a) => a.taxonomy_term.code)).toEqual(
			expect.arrayContaining(['scuola', 'corsi-universita', 'lavoro', 'formazione-aggiornamento', 'stranieri'])
		);
	});
});
