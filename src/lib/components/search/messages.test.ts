import { describe, expect, it } from 'vitest';
import { foundCount } from './messages.ts';

describe('foundCount', () => {
	it('says how many services were found, in Italian and English', () => {
		expect(foundCount('it', 0)).toBe('Nessun servizio trovato');
		expect(foundCount('it', 1)).toBe('1 servizio trovato');
		expect(foundCount('en', 1_234)).toBe('1,234 services found');
	});

	it('says "circa" when the count is an estimate', () => {
		expect(foundCount('it', 24_000, true)).toBe('Circa 24.000 servizi trovati');
		expect(foundCount('en', 24_000, true)).toBe('About 24,000 services found');
	});
});
