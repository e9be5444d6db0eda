import { readPublicOrigin } from '#lib/server/config.ts';
import { describeApi } from '#lib/server/openapi/describe.ts';
import { API_LICENCE, buildOpenApiDocument } from '#lib/server/openapi/document.ts';
import type { PageServerLoad } from './$types';

// Documentation rendered on the server: nothing to hydrate, no JavaScript shipped.
export const csr = false;

export const load: PageServerLoad = () => {
	const origin = readPublicOrigin();
	return { origin, licence: API_LICENCE, sections: describeApi(buildOpenApiDocument(origin), origin) };
};
