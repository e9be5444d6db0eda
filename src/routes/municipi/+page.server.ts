import { getDb } from '#lib/server/db/client.ts';
import { findMunicipi } from '#lib/server/places/queries.ts';
import type { PageServerLoad } from './$types';

// Plain server-rendered HTML: the page has nothing to hydrate, so it ships no JavaScript.
export const csr = false;

export const load: PageServerLoad = async () => ({ municipi: await findMunicipi(await getDb()) });
