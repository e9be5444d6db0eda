import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCssSubset, SUBSET_FILE } from './build-css.ts';

describe('Bootstrap Italia subset', () => {
	it('is up to date with the classes used in src/ (else run: node scripts/build-css.ts)', () => {
		expect(readFileSync(SUBSET_FILE, 'utf8') === buildCssSubset()).toBe(true);
	});
});
