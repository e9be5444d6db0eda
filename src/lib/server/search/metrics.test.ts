import { describe, expect, it } from 'vitest';
import { scoreQuery, summarizeMetrics } from './metrics.ts';

describe('scoreQuery', () => {
	// judgments: a=3, b=2, c=1, d=3; results: x, a, c, a (duplicate), b
	const judgments = { a: 3, b: 2, c: 1, d: 3 };
	const metrics = scoreQuery(['x', 'a', 'c', 'a', 'b'], judgments);

	it('computes nDCG@10 by hand', () => {
		// deduplicated: x(0) a(3) c(1) b(2) -> gains 0, 7, 1, 3 at ranks 1..4
		const dcg = 7 / Math.log2(3) + 1 / Math.log2(4) + 3 / Math.log2(5);
		// ideal: 3, 3, 2, 1 -> 7, 7, 3, 1
		const ideal = 7 / Math.log2(2) + 7 / Math.log2(3) + 3 / Math.log2(4) + 1 / Math.log2(5);
		expect(metrics.ndcg).toBeCloseTo(dcg / ideal, 10);
		// 6.2085 / 13.3472
		expect(metrics.ndcg).toBeCloseTo(0.4652, 3);
	});

	it('scores the rank of the first grade-3 result and the recall of grade >= 2', () => {
		expect(metrics.rr).toBe(0.5);
		// a and b of a, b, d
		expect(metrics.recall).toBeCloseTo(2 / 3, 10);
		expect(metrics.zero).toBe(false);
	});

	it('gives 0 when nothing useful is in the top 10, and flags empty results', () => {
		const late = scoreQuery([...'0123456789'.split(''), 'a'], judgments);
		expect(late).toEqual({ ndcg: 0, rr: 0, recall: 0, zero: false });
		expect(scoreQuery([], judgments).zero).toBe(true);
	});
});

describe('summarizeMetrics', () => {
	it('averages each metric and the zero-result rate', () => {
		const s = summarizeMetrics([
			{ ndcg: 1, rr: 1, recall: 1, zero: false },
			{ ndcg: 0, rr: 0, recall: 0, zero: true }
		]);
		expect(s).toEqual({ queries: 2, ndcg: 0.5, mrr: 0.5, recall: 0.5, zeroRate: 0.5 });
	});
});
