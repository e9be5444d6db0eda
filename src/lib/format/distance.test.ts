import { describe, expect, it } from 'vitest';
import { formatDistance } from './distance.ts';

describe('formatDistance', () => {
	it('uses metres, rounded to tens, under a kilometre', () => {
		expect(formatDistance(0.85)).toBe('a 850 m');
		expect(formatDistance(0.123)).toBe('a 120 m');
		expect(formatDistance(0)).toBe('a 10 m');
		expect(formatDistance(0.9996)).toBe('a 1 km');
	});

	it('uses kilometres with an Italian decimal comma', () => {
		expect(formatDistance(1.234)).toBe('a 1,2 km');
		expect(formatDistance(2)).toBe('a 2 km');
		expect(formatDistance(12.6)).toBe('a 13 km');
	});

	it('speaks English', () => {
		expect(formatDistance(1.25, 'en')).toBe('1.3 km away');
		expect(formatDistance(0.4, 'en')).toBe('400 m away');
	});

	it('returns null when the distance is unknown', () => {
		expect(formatDistance(null)).toBeNull();
		expect(formatDistance(Number.NaN)).toBeNull();
		expect(formatDistance(-1)).toBeNull();
	});
});
