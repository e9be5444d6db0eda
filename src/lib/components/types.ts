/**
 * What the listing components need. Structurally a subset of the search engine's `SearchHit`
 * (src/lib/server/search/types.ts), so search results and directory lists share ServiceCard.
 */
export type ServiceCardData = {
	slug: string;
	name: string;
	/** A short plain-text summary. */
	summary: string;
	/** Path of the service page; defaults to /servizi/<slug>. */
	url?: string;
	organization: { name: string; slug: string } | null;
	/** The first physical address, formatted, or null. */
	address: string | null;
	municipio: number | null;
	freeOfCharge: boolean | null;
	/** Only in searches near a place. */
	distanceKm?: number | null;
};

export type AreaCardData = {
	id: string;
	name: string;
	description: string;
	serviceCount: number;
};
