import { describe, expect, it } from 'vitest';
import { ESTIMATION, roundEstimate, sampleFraction, sampleThreshold } from './search-services.ts';

describe('sampleFraction', () => {
	it('counts exactly up to the bound, samples beyond it', () => {
		expect(sampleFraction(ESTIMATION, ESTIMATION.exactUpTo)).toBeNull();
		expect(sampleFraction(ESTIMATION, ESTIMATION.exactUpTo + 1)).not.toBeNull();
	});

	it('sizes the sample to hold about sampleSize candidates, never more than every row', () => {
		expect(sampleFraction(ESTIMATION, 100_000)! * 100_000).toBeCloseTo(ESTIMATION.sampleSize);
		expect(sampleFraction({ ...ESTIMATION, exactUpTo: 0, sampleSize: 1000 }, 10)).toBe(1);
	});
});

describe('sampleThreshold', () => {
	it('cuts the int4 range of the hashes at the fraction', () => {
		expect(sampleThreshold(0)).toBe(-(2 ** 31));
		expect(sampleThreshold(0.25)).toBe(-(2 ** 30));
		expect(sampleThreshold(0.5)).toBe(0);
		expect(sampleThreshold(0.01)).toBeLessThan(sampleThreshold(0.02));
	});
});

describe('roundEstimate', () => {
	it('keeps two significant figures', () => {
		expect(roundEstimate(24_479)).toBe(24_000);
		expect(roundEstimate(1_257.4)).toBe(1_300);
		expect(roundEstimate(57.3)).toBe(57);
		expect(roundEstimate(7.6)).toBe(8);
		expect(roundEstimate(0.4)).toBe(0);
	});
});
