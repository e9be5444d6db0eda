/** GET /api/hsds/services: published services, a page at a time (HSDS 3.1). */
import { getDb } from '#lib/server/db/client.ts';
import { preflight, serveHsds } from '#lib/server/hsds/http.ts';
import { parseServicesQuery } from '#lib/server/hsds/inputs.ts';
import { findHsdsServices } from '#lib/server/hsds/queries.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request, url }) =>
	serveHsds(request, parseServicesQuery(url.searchParams), async (query) => findHsdsServices(await getDb(), query));

export const OPTIONS: RequestHandler = () => preflight();
