import { describe, expect, it } from 'vitest';
import { formatDate } from './dates.ts';

describe('formatDate', () => {
	it('writes a calendar date in Italian without shifting the day', () => {
		expect(formatDate('2026-03-03')).toBe('3 marzo 2026');
		expect(formatDate('2026-01-01', 'it')).toBe('1 gennaio 2026');
	});

	it('writes an instant as the day it is in Milan', () => {
		// 23:30 UTC on 31 December is already 1 January in Milan.
		expect(formatDate(new Date('2025-12-31T23:30:00Z'))).toBe('1 gennaio 2026');
		expect(formatDate('2026-07-14T10:00:00Z')).toBe('14 luglio 2026');
	});

	it('speaks English', () => {
		expect(formatDate('2026-03-03', 'en')).toBe('3 March 2026');
	});

	it('returns null for missing or invalid dates', () => {
		expect(formatDate(null)).toBeNull();
		expect(formatDate('')).toBeNull();
		expect(formatDate('not a date')).toBeNull();
	});
});
