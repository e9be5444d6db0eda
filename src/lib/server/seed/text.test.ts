import { describe, expect, it } from 'vitest';
import {
	endSentence,
	fixMojibake,
	joinItalian,
	normalizeEmail,
	normalizePhone,
	normalizeUrl,
	parseDecimal,
	present,
	titleCase
} from './text.ts';

describe('present', () => {
	it('treats the files’ null markers as missing', () => {
		expect(present('Non Disponibile')).toBeUndefined();
		expect(present(' - ')).toBeUndefined();
		expect(present('None')).toBeUndefined();
		expect(present('  Via   Roma 1 ')).toBe('Via Roma 1');
	});
});

describe('parseDecimal', () => {
	it('reads decimal commas and dots, rejects the rest', () => {
		expect(parseDecimal('45,4877894')).toBe(45.4877894);
		expect(parseDecimal('9.1906166')).toBe(9.1906166);
		expect(parseDecimal(45.5)).toBe(45.5);
		expect(parseDecimal('20.134.5')).toBeUndefined();
		expect(parseDecimal('')).toBeUndefined();
	});
});

describe('fixMojibake', () => {
	it('repairs double-encoded UTF-8 and leaves clean text alone', () => {
		const once = Buffer.from('Andrè', 'utf8').toString('latin1');
		const twice = Buffer.from(once, 'utf8').toString('latin1');
		expect(fixMojibake(Buffer.from(twice, 'latin1').toString('utf8'))).toBe('Andrè');
		expect(fixMojibake(once)).toBe('Andrè');
		expect(fixMojibake('Città Studi')).toBe('Città Studi');
		expect(fixMojibake('Àlbero')).toBe('Àlbero');
	});
});

describe('titleCase', () => {
	it('makes names in capitals readable, keeping particles, acronyms and abbreviations', () => {
		expect(titleCase("ANTICA FARMACIA DELL'ABBAZIA DI CHIARAVALLE SNC")).toBe(
			"Antica Farmacia dell'Abbazia di Chiaravalle SNC"
		);
		expect(titleCase("CITTA' STUDI")).toBe('Città Studi');
		expect(titleCase('CORSO XXII MARZO, 23')).toBe('Corso XXII Marzo, 23');
		expect(titleCase('P.LE LOTTO 15')).toBe('P.le Lotto 15');
		expect(titleCase('VIA E. CAVIGLIA 1')).toBe('Via E. Caviglia 1');
		expect(titleCase('SCUOLA IST.MARCELLINE')).toBe('Scuola Ist.Marcelline');
		expect(titleCase('IC VIA P.ZA L.DA VINCI')).toBe('IC Via P.za L.da Vinci');
		expect(titleCase('KOS CARE S.R.L.')).toBe('Kos Care S.R.L.');
	});

	it('keeps names already written in mixed case', () => {
		expect(titleCase('Biblioteca comunale rionale Affori')).toBe('Biblioteca comunale rionale Affori');
	});
});

describe('normalizeUrl', () => {
	it('repairs the web addresses of the registries', () => {
		expect(normalizeUrl('www.acgaribaldina1932.net')).toBe('https://www.acgaribaldina1932.net/');
		expect(normalizeUrl('http//www.icsiqbalmasih.gov.it')).toBe('http://www.icsiqbalmasih.gov.it/');
		expect(normalizeUrl('htpp//www.cardarelli-massaua.gov.it')).toBe('http://www.cardarelli-massaua.gov.it/');
		expect(normalizeUrl('ww.icgalvani.gov.it')).toBe('https://www.icgalvani.gov.it/');
		expect(normalizeUrl('wwwdemarchi-gulli.gov.it')).toBe('https://www.demarchi-gulli.gov.it/');
		expect(normalizeUrl('IISLAGRANGE.GOV.IT')).toBe('https://iislagrange.gov.it/');
		expect(normalizeUrl('https://milanosport.clappit.com/elenco-date.html?idSpace=1548')).toBe(
			'https://milanosport.clappit.com/elenco-date.html?idSpace=1548'
		);
	});

	it('rejects e-mail addresses, null markers and hosts without a domain', () => {
		expect(normalizeUrl('MIIC8FP00T@ISTRUZIONE.IT')).toBeUndefined();
		expect(normalizeUrl('Non Disponibile')).toBeUndefined();
		expect(normalizeUrl('localhost')).toBeUndefined();
	});
});

describe('normalizeEmail', () => {
	it('takes the first valid address, in lower case', () => {
		expect(normalizeEmail(' info@galasport.it')).toBe('info@galasport.it');
		expect(normalizeEmail('info@acmilanesecorvetto.it, info@sportingcorvetto.com')).toBe('info@acmilanesecorvetto.it');
		expect(normalizeEmail('ED.InfanziaUE66@Comune.milano.it')).toBe('ed.infanziaue66@comune.milano.it');
		expect(normalizeEmail('Non Disponibile')).toBeUndefined();
		expect(normalizeEmail('www.sito.it')).toBeUndefined();
	});
});

describe('normalizePhone', () => {
	it('keeps Italian numbers as digits', () => {
		expect(normalizePhone('02 8844 8987')).toBe('0288448987');
		expect(normalizePhone('+39 02 713738')).toBe('02713738');
		expect(normalizePhone('020202 ')).toBe('020202');
		expect(normalizePhone('abc')).toBeUndefined();
		expect(normalizePhone('12')).toBeUndefined();
	});
});

describe('small helpers', () => {
	it('joins Italian lists and ends sentences once', () => {
		expect(joinItalian(['a'])).toBe('a');
		expect(joinItalian(['a', 'b', 'c'])).toBe('a, b e c');
		expect(endSentence('gestita da Kos Care S.R.L.')).toBe('gestita da Kos Care S.R.L.');
		expect(endSentence('gestita da X')).toBe('gestita da X.');
	});
});
