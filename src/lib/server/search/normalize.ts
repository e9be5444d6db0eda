/**
 * Pure text handling shared by query analysis, the thesaurus installer and suggestions:
 * the same folding PostgreSQL's piazza_it configuration applies (lower case, no accents), and
 * a tokenizer that remembers where each word sits in what the person typed, so a corrected
 * query can be given back with only the misspelt words replaced.
 */

export const MAX_QUERY_LENGTH = 200;

/** C0/C1 control characters, zero-width and bidi marks: never meaningful in a query. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** Trims, removes control characters, collapses blanks and keeps at most 200 characters. */
export function cleanQuery(raw: string): string {
	const cleaned = raw.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
	// never cut a surrogate pair in half
	return Array.from(cleaned).slice(0, MAX_QUERY_LENGTH).join('').trim();
}

/** Lower case without diacritics ("Città" -> "citta", "perché" -> "perche"). */
export function foldText(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/ß/g, 'ss')
		.replace(/[æ]/g, 'ae')
		.replace(/[œ]/g, 'oe')
		.replace(/[ø]/g, 'o')
		.replace(/[ł]/g, 'l');
}

export type Token = {
	/** Folded form: lower case, unaccented, only [a-z0-9]. */
	word: string;
	/** Offsets in the cleaned query (start inclusive, end exclusive). */
	start: number;
	end: number;
};

/**
 * Splits text into words of letters and digits. Apostrophes separate words as in Italian
 * elision ("l'affitto" -> "l", "affitto"); anything else that is not a letter or a digit
 * (tsquery operators, quotes, SQL, emoji) is a separator and never reaches the database.
 */
export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
		const word = foldText(match[0]).replace(/[^a-z0-9]/g, '');
		if (!word) continue;
		tokens.push({ word, start: match.index, end: match.index + match[0].length });
	}
	return tokens;
}

/** Folds a thesaurus term or a stop word the way the thesaurus table stores it. */
export function foldTerm(term: string): string {
	return tokenize(term)
		.map((t) => t.word)
		.join(' ');
}

/** Replaces the given tokens of `text` by new words, keeping everything else as typed. */
export function replaceTokens(text: string, replacements: { token: Token; word: string }[]): string {
	let out = '';
	let at = 0;
	for (const { token, word } of [...replacements].sort((a, b) => a.token.start - b.token.start)) {
		out += text.slice(at, token.start) + word;
		at = token.end;
	}
	return out + text.slice(at);
}
