import { describe, expect, it } from 'vitest';
import { ResultCache } from './result-cache.ts';

describe('ResultCache', () => {
	it('returns a value only under the version it was stored with', () => {
		const cache = new ResultCache<string>();
		cache.set(3, 'casa', 'results at version 3');
		expect(cache.get(3, 'casa')).toBe('results at version 3');
		expect(cache.get(4, 'casa')).toBeUndefined();
		// a stale entry is dropped, not kept for later
		expect(cache.get(3, 'casa')).toBeUndefined();
	});

	it('forgets the least recently used entry beyond its capacity', () => {
		const cache = new ResultCache<number>(2);
		cache.set(1, 'a', 1);
		cache.set(1, 'b', 2);
		expect(cache.get(1, 'a')).toBe(1); // "b" is now the least recently used
		cache.set(1, 'c', 3);
		expect(cache.size).toBe(2);
		expect(cache.get(1, 'b')).toBeUndefined();
		expect(cache.get(1, 'a')).toBe(1);
		expect(cache.get(1, 'c')).toBe(3);
	});
});
