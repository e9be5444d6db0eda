import { describe, expect, it } from 'vitest';
import { telHref } from './phone.ts';

describe('telHref', () => {
	it('dials Italian numbers with the country code', () => {
		expect(telHref('02 88404440')).toBe('tel:+390288404440');
		expect(telHref('02.884.64444')).toBe('tel:+390288464444');
		expect(telHref('800 777 888')).toBe('tel:+39800777888');
		expect(telHref('333 1234567')).toBe('tel:+393331234567');
	});

	it('keeps international numbers and short public numbers', () => {
		expect(telHref('+39 02 0202')).toBe('tel:+39020202');
		expect(telHref('0041 44 123 45 67')).toBe('tel:+41441234567');
		expect(telHref('1522')).toBe('tel:1522');
		expect(telHref('116 000')).toBe('tel:116000');
	});

	it('ignores trailing notes and refuses text without a number', () => {
		expect(telHref('02 020202 (lun-ven)')).toBe('tel:+3902020202');
		expect(telHref('vedi sito')).toBeNull();
		expect(telHref(null)).toBeNull();
	});
});
