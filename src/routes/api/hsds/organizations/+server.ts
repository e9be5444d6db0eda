/** GET /api/hsds/organizations: organizations offering published services (HSDS 3.1). */
import { getDb } from '#lib/server/db/client.ts';
import { preflight, serveHsds } from '#lib/server/hsds/http.ts';
import { parseOrganizationsQuery } from '#lib/server/hsds/inputs.ts';
import { findHsdsOrganizations } from '#lib/server/hsds/queries.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request, url }) =>
	serveHsds(request, parseOrganizationsQuery(url.searchParams), async (query) => findHsdsOrganizations(await getDb(), query));

export const OPTIONS: RequestHandler = () => preflight();
