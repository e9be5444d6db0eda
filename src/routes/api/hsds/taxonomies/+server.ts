/** GET /api/hsds/taxonomies (HSDS 3.1). */
import { getDb } from '#lib/server/db/client.ts';
import { preflight, serveHsds } from '#lib/server/hsds/http.ts';
import { parseTaxonomiesQuery } from '#lib/server/hsds/inputs.ts';
import { findHsdsTaxonomies } from '#lib/server/hsds/queries.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request, url }) =>
	serveHsds(request, parseTaxonomiesQuery(url.searchParams), async (query) => findHsdsTaxonomies(await getDb(), query));

export const OPTIONS: RequestHandler = () => preflight();
