/** URL segments from Italian names: "Centro Diurno Anziani – Via dell'Orso" -> "centro-diurno-anziani-via-dell-orso". */

/** Letters NFD does not decompose into a base letter plus accents. */
const SPECIAL_LETTERS: Record<string, string> = {
	ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i'
};

export const SLUG_MAX_LENGTH = 80;

/**
 * Lower case ASCII letters and digits joined by single hyphens; at most `maxLength` characters,
 * cut at a word boundary when possible. May return '' (a name with no Latin letters or digits).
 */
export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
	const ascii = text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[ßæœøłđðþı]/g, (c) => SPECIAL_LETTERS[c]!);
	const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
	if (slug.length <= maxLength) return slug;
	const cut = slug.slice(0, maxLength + 1);
	const lastHyphen = cut.lastIndexOf('-');
	return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut.slice(0, maxLength)).replace(/-+$/, '');
}

/**
 * The slug candidates for a record, most readable first: the base itself, then the base with a
 * suffix taken from the record's UUID (longer each time), so two records with the same name get
 * distinct, stable slugs ("sportello-lavoro", "sportello-lavoro-3f2a1d").
 */
export function slugCandidates(base: string, id: string, fallback: string): string[] {
	const root = base || fallback;
	const hex = id.replace(/-/g, '').toLowerCase();
	return [root, `${root}-${hex.slice(0, 6)}`, `${root}-${hex.slice(0, 12)}`, `${root}-${hex}`];
}
