/** The pieces the public API's OpenAPI document is assembled from (one per API area). */
export type JsonObject = { [key: string]: unknown };

export type OpenApiPart = {
	/** The tag grouping the area's operations (and its section on the /api page). */
	tag: { name: string; description: string };
	/** Paths from the site root (`/api/...`), each with its operations. */
	paths: Record<string, JsonObject>;
	components?: { schemas?: Record<string, JsonObject>; parameters?: Record<string, JsonObject> };
};

/** The JSON error every endpoint of the public API answers with (400, 404). */
export const ERROR_SCHEMA_REF = '#/components/schemas/Error';

export const errorResponse = (description: string): JsonObject => ({
	description,
	content: { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } }
});
