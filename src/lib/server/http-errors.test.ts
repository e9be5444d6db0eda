import { describe, expect, it } from 'vitest';
import { describeError, parsePage } from './http-errors.ts';

describe('describeError', () => {
	it('keeps what helps debugging and drops query parameters', () => {
		const cause = Object.assign(new Error('relation "x" does not exist'), { code: '42P01' });
		const error = new Error('Failed query: select * from x where q = $1\nparams: maria rossi via roma 3', { cause });
		const described = describeError(error);
		expect(described.message).toBe('Failed query: select * from x where q = $1');
		expect(JSON.stringify(described)).not.toContain('maria rossi');
		expect(described.cause).toMatchObject({ message: 'relation "x" does not exist', code: '42P01' });
		expect(String(described.stack)).toMatch(/^\s+at /);
	});

	it('says only the type of a thrown non-error', () => {
		expect(describeError('secret text')).toEqual({ value: 'string' });
	});
});

describe('parsePage', () => {
	it('reads whole page numbers and falls back to 1', () => {
		expect(parsePage('3')).toBe(3);
		expect(parsePage(null)).toBe(1);
		expect(parsePage('0')).toBe(1);
		expect(parsePage('2.5')).toBe(1);
		expect(parsePage('abc')).toBe(1);
		expect(parsePage('99999999')).toBe(1);
	});
});
