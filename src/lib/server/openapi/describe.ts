/**
 * The OpenAPI document as the /api page shows it: one section per tag, each operation with its
 * parameters (references resolved, types in plain Italian), its responses and a curl example.
 */
import type { OpenApiDocument } from './document.ts';
import type { JsonObject } from './types.ts';

export type ApiParameterView = {
	name: string;
	location: string;
	required: boolean;
	type: string;
	description: string;
};
export type ApiResponseView = { status: string; description: string; schema: { label: string; url: string | null } | null };
export type ApiOperationView = {
	anchor: string;
	method: string;
	path: string;
	summary: string;
	description: string;
	parameters: ApiParameterView[];
	responses: ApiResponseView[];
	example: string;
};
export type ApiSectionView = { anchor: string; name: string; description: string; operations: ApiOperationView[] };

const TYPE_NAMES: Record<string, string> = {
	string: 'testo',
	integer: 'numero intero',
	number: 'numero',
	boolean: 'true o false'
};

/** "numero intero da 1 a 100, predefinito 50" */
export function typeLabel(schema: JsonObject | undefined): string {
	if (!schema) return 'testo';
	const parts: string[] = [];
	if (Array.isArray(schema.enum)) parts.push(`uno tra: ${schema.enum.join(', ')}`);
	else if (schema.format === 'uuid') parts.push('UUID');
	else if (schema.format === 'date-time') parts.push('data o data e ora ISO 8601');
	else parts.push(TYPE_NAMES[String(schema.type)] ?? 'testo');
	if (schema.minimum !== undefined && schema.maximum !== undefined) parts.push(`da ${schema.minimum} a ${schema.maximum}`);
	else if (schema.minimum !== undefined) parts.push(`da ${schema.minimum}`);
	else if (schema.maximum !== undefined) parts.push(`fino a ${schema.maximum}`);
	if (schema.default !== undefined) parts.push(`predefinito ${String(schema.default)}`);
	return parts.join(', ');
}

function resolve(document: OpenApiDocument, node: JsonObject): JsonObject {
	const ref = node.$ref;
	if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
	const found = ref
		.slice(2)
		.split('/')
		.reduce<unknown>((n, key) => (n as JsonObject | undefined)?.[key], document);
	return (found as JsonObject | undefined) ?? node;
}

/** The schema a response points at: a component by name, or an external file (the HSDS schemas) by its path. */
function schemaOf(schema: unknown): ApiResponseView['schema'] {
	const refs: string[] = [];
	const walk = (node: unknown) => {
		if (Array.isArray(node)) node.forEach(walk);
		else if (node && typeof node === 'object') {
			for (const [key, value] of Object.entries(node)) {
				if (key === '$ref' && typeof value === 'string') refs.push(value);
				else walk(value);
			}
		}
	};
	walk(schema);
	const external = refs.find((r) => !r.startsWith('#/'));
	if (external) {
		const file = external.split('/schema/').pop()!;
		const paged = refs.some((r) => r.endsWith('/HsdsPage'));
		return { label: paged ? `pagina di ${file}` : file, url: external };
	}
	const local = refs.find((r) => r !== '#/components/schemas/HsdsPage');
	return local ? { label: local.split('/').pop()!, url: null } : null;
}

const anchorOf = (text: string) =>
	text
		.toLowerCase()
		.replace(/[{}]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

export function describeApi(document: OpenApiDocument, origin: string): ApiSectionView[] {
	const sections = document.tags.map(
		(tag): ApiSectionView => ({ anchor: anchorOf(tag.name), name: tag.name, description: tag.description, operations: [] })
	);
	for (const [path, item] of Object.entries(document.paths)) {
		const get = item.get as JsonObject & { responses: Record<string, JsonObject> };
		const section = sections.find((s) => s.name === (get.tags as string[] | undefined)?.[0]);
		if (!section) continue;
		const parameters = [...((item.parameters as JsonObject[]) ?? []), ...((get.parameters as JsonObject[]) ?? [])]
			.map((p) => resolve(document, p))
			.map((p) => ({
				name: String(p.name),
				location: p.in === 'path' ? 'percorso' : 'query',
				required: p.required === true,
				type: typeLabel(p.schema as JsonObject | undefined),
				description: String(p.description ?? '')
			}));
		const responses = Object.entries(get.responses).map(([status, response]) => ({
			status,
			description: String(response.description ?? ''),
			schema: schemaOf((response.content as JsonObject | undefined)?.['application/json'])
		}));
		section.operations.push({
			anchor: anchorOf(`get ${path}`),
			method: 'GET',
			path,
			summary: String(get.summary ?? ''),
			description: String(get.description ?? ''),
			parameters,
			responses,
			example: `curl -i '${origin}${path}${String(get['x-example-query'] ?? '')}'`
		});
	}
	return sections.filter((s) => s.operations.length > 0);
}
