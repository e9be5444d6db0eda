/** GET /api/hsds/organizations/{id}: an organization with its published services (`full_service` nests them) (HSDS 3.1). */
import { getDb } from '#lib/server/db/client.ts';
import { preflight, serveHsdsRecord } from '#lib/server/hsds/http.ts';
import { parseOrganizationQuery } from '#lib/server/hsds/inputs.ts';
import { getHsdsOrganization } from '#lib/server/hsds/queries.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request, params, url }) =>
	serveHsdsRecord(
		request,
		params.id,
		async (id, options) => getHsdsOrganization(await getDb(), id, options),
		parseOrganizationQuery(url.searchParams)
	);

export const OPTIONS: RequestHandler = () => preflight();
