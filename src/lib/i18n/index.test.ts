import { describe, expect, it } from 'vitest';
import { negotiateLang, t, tCount } from './index.ts';
import { svt } from './service.ts';

describe('t', () => {
	it('returns the string in the chosen language with placeholders filled', () => {
		expect(t('it', 'nav.areas')).toBe('Aree di bisogno');
		expect(t('en', 'nav.areas')).toBe('Areas of need');
		expect(t('it', 'pagination.status', { page: 2, total: 5 })).toBe('Pagina 2 di 5');
		expect(svt('en', 'service.ageRange', { min: 0, max: 3 })).toBe('from 0 to 3 years');
	});

	it('leaves unknown placeholders visible instead of inventing values', () => {
		expect(t('it', 'pagination.status', { page: 2 })).toBe('Pagina 2 di {total}');
	});

	it('counts in both languages', () => {
		expect(tCount('it', 'count.services', 1)).toBe('1 servizio');
		expect(tCount('it', 'count.services', 12345)).toBe('12.345 servizi');
		expect(tCount('en', 'count.services', 0)).toBe('0 services');
	});
});

describe('negotiateLang', () => {
	it('prefers an explicit choice', () => {
		expect(negotiateLang('en', 'it-IT,it;q=0.9')).toBe('en');
		expect(negotiateLang('it', 'en-GB')).toBe('it');
	});

	it('reads Accept-Language by quality, ignoring languages we do not have', () => {
		expect(negotiateLang(null, 'en-GB,en;q=0.9')).toBe('en');
		expect(negotiateLang(undefined, 'fr-FR,fr;q=0.9,en;q=0.8,it;q=0.7')).toBe('en');
		expect(negotiateLang(undefined, 'en;q=0.5,it;q=0.8')).toBe('it');
		expect(negotiateLang('de', 'de-DE')).toBe('it');
	});

	it('defaults to Italian', () => {
		expect(negotiateLang(undefined, undefined)).toBe('it');
		expect(negotiateLang('', '*')).toBe('it');
	});
});
