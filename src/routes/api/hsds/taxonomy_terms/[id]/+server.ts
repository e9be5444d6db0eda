/** GET /api/hsds/taxonomy_terms/{id} (HSDS 3.1). */
import { getDb } from '#lib/server/db/client.ts';
import { preflight, serveHsdsRecord } from '#lib/server/hsds/http.ts';
import { getHsdsTaxonomyTerm } from '#lib/server/hsds/queries.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request, params }) =>
	serveHsdsRecord(request, params.id, async (id) => getHsdsTaxonomyTerm(await getDb(), id));

export const OPTIONS: RequestHandler = () => preflight();
