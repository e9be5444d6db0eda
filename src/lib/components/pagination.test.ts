import { describe, expect, it } from 'vitest';
import { pageWindow } from './pagination.ts';

const show = (current: number, total: number) =>
	pageWindow(current, total)
		.map((slot) => (slot.kind === 'gap' ? '…' : String(slot.page)))
		.join(' ');

describe('pageWindow', () => {
	it('shows nothing for a single page', () => {
		expect(pageWindow(1, 1)).toEqual([]);
		expect(pageWindow(1, 0)).toEqual([]);
	});

	it('shows every page when there are few', () => {
		expect(show(1, 3)).toBe('1 2 3');
		expect(show(3, 5)).toBe('1 2 3 4 5');
	});

	it('shows first, last and neighbours with gaps', () => {
		expect(show(1, 10)).toBe('1 2 … 10');
		expect(show(6, 10)).toBe('1 … 5 6 7 … 10');
		expect(show(10, 10)).toBe('1 … 9 10');
	});

	it('fills a one-page gap instead of an ellipsis', () => {
		expect(show(4, 10)).toBe('1 2 3 4 5 … 10');
	});

	it('clamps a page out of range', () => {
		expect(show(99, 4)).toBe('1 2 3 4');
	});
});
