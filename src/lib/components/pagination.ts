/** Which page links a pager shows: the first, the last, the current one and its neighbours. */
export type PageSlot = { kind: 'page'; page: number } | { kind: 'gap' };

export function pageWindow(current: number, total: number, neighbours = 1): PageSlot[] {
	if (total <= 1) return [];
	const page = Math.min(Math.max(1, current), total);
	const wanted = new Set([1, total]);
	for (let p = page - neighbours; p <= page + neighbours; p++) if (p >= 1 && p <= total) wanted.add(p);
	const pages = [...wanted].sort((a, b) => a - b);
	const slots: PageSlot[] = [];
	pages.forEach((p, i) => {
		const previous = pages[i - 1];
		// A gap of exactly one page shows that page instead of an ellipsis.
		if (previous !== undefined && p - previous === 2) slots.push({ kind: 'page', page: p - 1 });
		else if (previous !== undefined && p - previous > 2) slots.push({ kind: 'gap' });
		slots.push({ kind: 'page', page: p });
	});
	return slots;
}
