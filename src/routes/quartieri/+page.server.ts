import { getDb } from '#lib/server/db/client.ts';
import { findNilList } from '#lib/server/places/queries.ts';
import type { PageServerLoad } from './$types';

// Plain server-rendered HTML: the page has nothing to hydrate, so it ships no JavaScript.
export const csr = false;

export const load: PageServerLoad = async () => {
	const nil = await findNilList(await getDb());
	const byMunicipio = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ number: n, nil: nil.filter((x) => x.municipio === n) }));
	return { byMunicipio };
};
