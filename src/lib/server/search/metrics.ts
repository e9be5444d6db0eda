/**
 * Ranking metrics of the search evaluation, exactly as /work/shared/eval-dev/README.md defines
 * them: nDCG@10 with gain 2^g - 1, MRR of the first grade-3 result within the top 10,
 * recall@10 of the grade >= 2 services, and the zero-result rate. Duplicate ids count once,
 * at their first position.
 */

export type Judgments = Record<string, number>;

export type QueryMetrics = { ndcg: number; rr: number; recall: number; zero: boolean };

export type MetricSummary = { queries: number; ndcg: number; mrr: number; recall: number; zeroRate: number };

const CUTOFF = 10;

const gain = (grade: number) => 2 ** grade - 1;

function dcg(grades: number[]): number {
	return grades.slice(0, CUTOFF).reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
}

export function dedupe(ids: readonly string[]): string[] {
	return [...new Set(ids)];
}

export function scoreQuery(results: readonly string[], judgments: Judgments): QueryMetrics {
	const ranked = dedupe(results);
	const top = ranked.slice(0, CUTOFF);
	const grades = top.map((id) => judgments[id] ?? 0);
	const ideal = dcg(Object.values(judgments).sort((a, b) => b - a));
	const firstExact = grades.findIndex((g) => g === 3);
	const useful = Object.values(judgments).filter((g) => g >= 2).length;
	return {
		ndcg: ideal > 0 ? dcg(grades) / ideal : 0,
		rr: firstExact >= 0 ? 1 / (firstExact + 1) : 0,
		recall: useful > 0 ? grades.filter((g) => g >= 2).length / useful : 0,
		zero: ranked.length === 0
	};
}

export function summarizeMetrics(metrics: readonly QueryMetrics[]): MetricSummary {
	const n = metrics.length;
	const mean = (pick: (m: QueryMetrics) => number) => (n === 0 ? 0 : metrics.reduce((s, m) => s + pick(m), 0) / n);
	return {
		queries: n,
		ndcg: mean((m) => m.ndcg),
		mrr: mean((m) => m.rr),
		recall: mean((m) => m.recall),
		zeroRate: mean((m) => (m.zero ? 1 : 0))
	};
}
