import { getDb } from '#lib/server/db/client.ts';
import { findAreas, findKeywordIndexExcerpt, findLatestServices } from '#lib/server/directory/queries.ts';
import type { PageServerLoad } from './$types';

// Plain server-rendered HTML: the page has nothing to hydrate, so it ships no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => {
	const db = await getDb();
	const [areas, latest, keywords] = await Promise.all([
		findAreas(db, { lang: locals.lang }),
		findLatestServices(db, 6),
		findKeywordIndexExcerpt(db, 16)
	]);
	return {
		areas: areas.map(({ id, name, description, serviceCount }) => ({ id, name, description, serviceCount })),
		latest,
		keywords: keywords.map(({ slug, word }) => ({ slug, word }))
	};
};
