import { describe, expect, it } from 'vitest';
import { createSeedContext, isMilanPostalCode } from './context.ts';
import { parseStreetAddress, Stradario } from './stradario.ts';

const REGISTER = [
	'CODICE_VIA,AREA,DESCRIZIONE_VIA,CIVICO,BARRATO,CAP,SEZIONE,MUNICIPIO',
	'1,VIA,ANFOSSI AUGUSTO,23,,135,1,4',
	'1,VIA,ANFOSSI AUGUSTO,25,,135,1,4',
	'2,VIA,SEGANTINI GIOVANNI,2,,143,2,6',
	'2,VIA,SEGANTINI GIOVANNI,6,,143,2,6',
	'2,VIA,SEGANTINI GIOVANNI,120,,142,3,5',
	'3,VLE,TUNISIA,35,,124,4,2',
	'4,VIA,TUNISIA,1,,199,5,9',
	'5,VIA,ASSERETO,19,,124,6,2',
	"6,VIA,SANT' ARNALDO,17,,161,7,9"
].join('\n');

describe('parseStreetAddress', () => {
	it('splits kind, name words and house number', () => {
		const a = parseStreetAddress('P.LE LOTTO, 15');
		expect(a.kind).toBe('PLE');
		expect([...a.words]).toEqual(['LOTTO']);
		expect(a.number).toBe(15);
		expect(parseStreetAddress('VIA OGLIO25').number).toBe(25);
		expect(parseStreetAddress('Via C. Farini, 5 - Ang. Ceresio').number).toBe(5);
		expect(parseStreetAddress('Via Moscati').number).toBeUndefined();
	});
});

describe('Stradario', () => {
	const register = new Stradario(REGISTER);

	it('matches streets written name-first, surname-first or abbreviated', () => {
		expect(register.locate('Via Augusto Anfossi 25')).toEqual({ postalCode: '20135', municipio: 4 });
		expect(register.locate('VIA SEGANTINI, 6')).toEqual({ postalCode: '20143', municipio: 6 });
		expect(register.locate('Via Degli Assereto 19')).toEqual({ postalCode: '20124', municipio: 2 });
		expect(register.locate('Via Sant’Arnaldo 17')).toEqual({ postalCode: '20161', municipio: 9 });
	});

	it('prefers the street of the same kind', () => {
		expect(register.locate('V.LE TUNISIA, 35')?.postalCode).toBe('20124');
		expect(register.locate('Via Tunisia 1')?.postalCode).toBe('20199');
	});

	it('falls back to the nearest house number on the same side', () => {
		expect(register.locate('Via Segantini 110')?.postalCode).toBe('20142');
		expect(register.locate('Via Segantini 4')?.postalCode).toBe('20143');
	});

	it('returns nothing for a street it does not know', () => {
		expect(register.locate('Via Giovanni da Procida 20')).toBeUndefined();
	});
});

describe('createSeedContext', () => {
	const ctx = createSeedContext(REGISTER, [{ latitude: 45.48, longitude: 9.14, postalCode: '20148' }]);

	it('keeps a real Milan CAP, else asks the register, else the nearest known point', () => {
		expect(ctx.postalCode('Via Segantini 6', undefined, '20152')).toBe('20152');
		expect(ctx.postalCode('Via Segantini 6', undefined, '20100')).toBe('20143');
		expect(ctx.postalCode('Via da Procida 20', { latitude: 45.479, longitude: 9.141 })).toBe('20148');
		expect(() => ctx.postalCode('Via da Procida 20')).toThrow(/CAP non trovato/);
	});

	it('tells points in Milan from points outside', () => {
		expect(ctx.inMilan({ latitude: 45.4642, longitude: 9.19 })).toBe(true); // Duomo
		expect(ctx.inMilan({ latitude: 45.5845, longitude: 9.2744 })).toBe(false); // Monza
	});

	it('knows the range of Milan CAPs', () => {
		expect(isMilanPostalCode('20121')).toBe(true);
		expect(isMilanPostalCode('20162')).toBe(true);
		expect(isMilanPostalCode('20100')).toBe(false);
		expect(isMilanPostalCode('20090')).toBe(false);
	});
});
