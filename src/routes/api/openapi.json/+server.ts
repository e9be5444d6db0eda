/** GET /api/openapi.json: the OpenAPI 3.1 document of the whole public API. */
import { readPublicOrigin } from '#lib/server/config.ts';
import { conditionalJson, preflight } from '#lib/server/hsds/http.ts';
import { buildOpenApiDocument } from '#lib/server/openapi/document.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request }) =>
	conditionalJson(request, { body: buildOpenApiDocument(readPublicOrigin()), lastModified: null });

export const OPTIONS: RequestHandler = () => preflight();
