/** GET /api/hsds: which HSDS version the API speaks, where its profile and OpenAPI document are. */
export const HSDS_VERSION = '3.1';

export type HsdsApiInfo = { version: string; profile: string; openapi_url: string };

export function hsdsApiInfo(origin: string): HsdsApiInfo {
	return {
		version: HSDS_VERSION,
		profile: `${origin}/api#profilo-hsds`,
		openapi_url: `${origin}/api/openapi.json`
	};
}
