/**
 * Choosing the correction of a word the corpus does not know. The database proposes the
 * vocabulary words that share most trigrams with it (pg_trgm); trigrams alone accept words
 * that merely look alike, so the edit distance decides, and on a tie the closer spelling
 * and then the more common word win.
 */

export type CorrectionCandidate = { word: string; lexeme: string; documents: number; similarity: number };

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
	const rows = a.length + 1;
	const cols = b.length + 1;
	const d: number[][] = Array.from({ length: rows }, (_, i) =>
		Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
	);
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, d[i - 2]![j - 2]! + 1);
			}
			d[i]![j] = best;
		}
	}
	return d[a.length]![b.length]!;
}

/** Edits tolerated for a word of this length: one, two from 9 letters ("comprare" is no "compilare"). */
export function maxEdits(length: number): number {
	if (length < MIN_CORRECTABLE_LENGTH) return 0;
	if (length < 9) return 1;
	return 2;
}

/** Only words this long are corrected: shorter ones are too ambiguous ("ora", "asl"). */
export const MIN_CORRECTABLE_LENGTH = 4;

export function chooseCorrection(
	typed: string,
	candidates: CorrectionCandidate[],
	editCap = Infinity
): CorrectionCandidate | null {
	const limit = Math.min(maxEdits(typed.length), editCap);
	let best: { candidate: CorrectionCandidate; distance: number } | null = null;
	for (const candidate of candidates) {
		if (candidate.word === typed) return null;
		const distance = editDistance(typed, candidate.word);
		if (distance > limit) continue;
		const better =
			!best ||
			distance < best.distance ||
			(distance === best.distance &&
				(candidate.similarity > best.candidate.similarity ||
					(candidate.similarity === best.candidate.similarity &&
						candidate.documents > best.candidate.documents)));
		if (better) best = { candidate, distance };
	}
	return best?.candidate ?? null;
}

/** Inflected forms share at least this many first letters. */
export const SIBLING_PREFIX = 5;

/**
 * Whether two words are inflections of one another: a long common beginning and endings of at
 * most three letters closing on a vowel, as Italian inflection goes ("familiare"/"familiari",
 * "domiciliare"/"domicilio", "anziano"/"anziani") — not "sport"/"sportello", "scuola"/"scuolabus".
 */
export function isSibling(a: string, b: string): boolean {
	if (a === b) return false;
	let common = 0;
	while (common < a.length && common < b.length && a[common] === b[common]) common++;
	if (common < SIBLING_PREFIX) return false;
	const ending = /^(?:[a-z]{0,2}[aeiou])?$/;
	const restA = a.slice(common);
	const restB = b.slice(common);
	return restA.length <= 3 && restB.length <= 3 && ending.test(restA) && ending.test(restB);
}
