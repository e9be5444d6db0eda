/** GET /api/hsds/service_at_locations/{id}: a place of a published service, fully nested with its service (HSDS 3.1). */
import { getDb } from '#lib/server/db/client.ts';
import { preflight, serveHsdsRecord } from '#lib/server/hsds/http.ts';
import { getHsdsServiceAtLocation } from '#lib/server/hsds/queries.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request, params }) =>
	serveHsdsRecord(request, params.id, async (id) => getHsdsServiceAtLocation(await getDb(), id));

export const OPTIONS: RequestHandler = () => preflight();
