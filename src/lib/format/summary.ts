/** Short plain-text summaries of long descriptions, for cards and meta descriptions. Browser-safe. */

/**
 * The opening of `text` in at most `max` characters: whole sentences when they fit, otherwise
 * cut at a word boundary with an ellipsis. Whitespace is collapsed.
 */
export function summarize(text: string | null | undefined, max = 180): string {
	const clean = (text ?? '').replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	const sentences = clean.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [];
	let kept = '';
	for (const sentence of sentences) {
		if ((kept + sentence).trim().length > max) break;
		kept += sentence;
	}
	if (kept.trim().length >= max / 2) return kept.trim();
	const cut = clean.slice(0, max - 1);
	const lastSpace = cut.lastIndexOf(' ');
	return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
