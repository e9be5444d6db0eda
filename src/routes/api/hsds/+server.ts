/** GET /api/hsds: the HSDS version of the API, its profile and its OpenAPI document. */
import { readPublicOrigin } from '#lib/server/config.ts';
import { hsdsApiInfo } from '#lib/server/hsds/api-info.ts';
import { conditionalJson, preflight } from '#lib/server/hsds/http.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request }) =>
	conditionalJson(request, { body: hsdsApiInfo(readPublicOrigin()), lastModified: null });

export const OPTIONS: RequestHandler = () => preflight();
