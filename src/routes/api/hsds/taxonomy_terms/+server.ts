/** GET /api/hsds/taxonomy_terms (HSDS 3.1). */
import { getDb } from '#lib/server/db/client.ts';
import { preflight, serveHsds } from '#lib/server/hsds/http.ts';
import { parseTaxonomyTermsQuery } from '#lib/server/hsds/inputs.ts';
import { findHsdsTaxonomyTerms } from '#lib/server/hsds/queries.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request, url }) =>
	serveHsds(request, parseTaxonomyTermsQuery(url.searchParams), async (query) => findHsdsTaxonomyTerms(await getDb(), query));

export const OPTIONS: RequestHandler = () => preflight();
