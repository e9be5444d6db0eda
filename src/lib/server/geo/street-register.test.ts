import { describe, expect, it } from 'vitest';
import { getStreetRegister, streetLabel, suggestAddresses } from './street-register.ts';

describe('suggestAddresses', () => {
	it('completes a street being typed, the same kind first', () => {
		expect(suggestAddresses('via pad')[0]!.label).toBe('Via Padova');
		expect(suggestAddresses('corso b')[0]!.label).toBe('Corso Buenos Aires');
		expect(suggestAddresses('buenos').map((s) => s.label)).toContain('Corso Buenos Aires');
	});

	it('carries a house number the register knows, with its CAP and municipio', () => {
		expect(suggestAddresses('via padova 1')[0]).toEqual({ label: 'Via Padova 1, 20127', postalCode: '20127', municipio: 2 });
		expect(suggestAddresses('via padova 99999')[0]).toEqual({ label: 'Via Padova', postalCode: null, municipio: null });
	});

	it('gives at most 8 suggestions, none for nothing useful', () => {
		expect(suggestAddresses('via')).toEqual([]);
		expect(suggestAddresses('12')).toEqual([]);
		expect(suggestAddresses('a', 50).length).toBe(8);
		expect(suggestAddresses('zzzzqx')).toEqual([]);
	});

	it('answers in well under 10 ms once the register is loaded', () => {
		getStreetRegister();
		suggestAddresses('via padova 3'); // builds the index
		const queries = ['via pad', 'corso b', 'viale abruzzi 10', 'p', 'città', 'via giovanni', 'piazzale lotto 2'];
		const start = performance.now();
		for (let i = 0; i < 20; i++) for (const q of queries) suggestAddresses(q);
		const perCall = (performance.now() - start) / (20 * queries.length);
		expect(perCall).toBeLessThan(10);
	});
});

describe('streetLabel', () => {
	it('writes the kind in full and the name in title case', () => {
		expect(streetLabel({ kind: 'VLE', name: 'ABRUZZI' })).toBe('Viale Abruzzi');
		expect(streetLabel({ kind: 'PLE', name: 'LOTTO LORENZO' })).toBe('Piazzale Lotto Lorenzo');
	});
});
