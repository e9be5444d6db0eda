/** GET /api/hsds/service_at_locations: the places of published services (HSDS 3.1). */
import { getDb } from '#lib/server/db/client.ts';
import { preflight, serveHsds } from '#lib/server/hsds/http.ts';
import { parseServiceAtLocationsQuery } from '#lib/server/hsds/inputs.ts';
import { findHsdsServiceAtLocations } from '#lib/server/hsds/queries.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request, url }) =>
	serveHsds(request, parseServiceAtLocationsQuery(url.searchParams), async (query) => findHsdsServiceAtLocations(await getDb(), query));

export const OPTIONS: RequestHandler = () => preflight();
