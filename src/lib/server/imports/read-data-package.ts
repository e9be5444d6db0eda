/**
 * Stages an HSDS tabular data package (a directory with datapackage.json and one CSV per table,
 * as data/hsds/3.1/examples/csv/) into nested services, the form the import validates and writes.
 * Every row is read (streamed, line by line), its foreign keys resolved within the package, then
 * attached to its most specific parent (a phone of a contact goes under the contact). A row that
 * cannot be used (wrong column count, repeated id, a foreign key to no row of the package) is
 * reported with its file and line and left out; a problem found later in an assembled service
 * is traced back to the file and line it came from.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors.ts';
import { formatPath } from './hsds-service.input.ts';
import { HSDS_TABLES, NUMERIC_COLUMNS } from './hsds-tables.ts';
import type { ImportItem } from './import-services.ts';
import { streamCsvRows } from './stream-csv-rows.ts';

type Row = Record<string, unknown> & { id: string };
type Staged = { row: Row; where: string; object: Record<string, unknown> };

/** A foreign key: the column, the table it points to, and the nested list it fills there. */
type Link = { column: string; table: string; list: string };

/**
 * What Piazza reads from a package, parents first. `parents` are the links a row may use, most
 * specific first: the row goes under the first that is set. `refs` are other checked keys.
 */
const STAGED: { table: string; parents: Link[]; refs?: { column: string; table: string }[] }[] = [
	{ table: 'organization', parents: [] },
	{ table: 'taxonomy', parents: [] },
	{ table: 'taxonomy_term', parents: [], refs: [{ column: 'taxonomy_id', table: 'taxonomy' }] },
	{ table: 'service', parents: [], refs: [{ column: 'organization_id', table: 'organization' }] },
	{ table: 'location', parents: [], refs: [{ column: 'organization_id', table: 'organization' }] },
	{
		table: 'service_at_location',
		parents: [{ column: 'service_id', table: 'service', list: 'service_at_locations' }],
		refs: [{ column: 'location_id', table: 'location' }]
	},
	{
		table: 'contact',
		parents: [
			{ column: 'service_at_location_id', table: 'service_at_location', list: 'contacts' },
			{ column: 'location_id', table: 'location', list: 'contacts' },
			{ column: 'service_id', table: 'service', list: 'contacts' }
		],
		refs: [{ column: 'organization_id', table: 'organization' }]
	},
	{
		table: 'phone',
		parents: [
			{ column: 'contact_id', table: 'contact', list: 'phones' },
			{ column: 'service_at_location_id', table: 'service_at_location', list: 'phones' },
			{ column: 'location_id', table: 'location', list: 'phones' },
			{ column: 'service_id', table: 'service', list: 'phones' }
		],
		refs: [{ column: 'organization_id', table: 'organization' }]
	},
	{
		table: 'language',
		parents: [
			{ column: 'phone_id', table: 'phone', list: 'languages' },
			{ column: 'location_id', table: 'location', list: 'languages' },
			{ column: 'service_id', table: 'service', list: 'languages' }
		]
	},
	{ table: 'address', parents: [{ column: 'location_id', table: 'location', list: 'addresses' }] },
	{ table: 'accessibility', parents: [{ column: 'location_id', table: 'location', list: 'accessibility' }] },
	{
		table: 'schedule',
		parents: [
			{ column: 'service_at_location_id', table: 'service_at_location', list: 'schedules' },
			{ column: 'location_id', table: 'location', list: 'schedules' },
			{ column: 'service_id', table: 'service', list: 'schedules' }
		]
	},
	{
		table: 'service_area',
		parents: [
			{ column: 'service_at_location_id', table: 'service_at_location', list: 'service_areas' },
			{ column: 'service_id', table: 'service', list: 'service_areas' }
		]
	},
	{ table: 'cost_option', parents: [{ column: 'service_id', table: 'service', list: 'cost_options' }] },
	{ table: 'required_document', parents: [{ column: 'service_id', table: 'service', list: 'required_documents' }] },
	{
		table: 'attribute',
		parents: [{ column: 'link_id', table: 'service', list: 'attributes' }],
		refs: [{ column: 'taxonomy_term_id', table: 'taxonomy_term' }]
	}
];

const fileOf = (resource: string, paths: Map<string, string>) =>
	paths.get(resource) ?? HSDS_TABLES.find((t) => t.resource === resource)!.file;

/** The resource paths of datapackage.json; the official file names when it lists none. */
function resourcePaths(dir: string): Map<string, string> {
	const descriptor = path.join(dir, 'datapackage.json');
	if (!existsSync(descriptor)) {
		throw new AppError('INVALID_INPUT', `${dir}: non è un pacchetto dati HSDS (manca datapackage.json)`);
	}
	const paths = new Map<string, string>();
	try {
		const parsed = JSON.parse(readFileSync(descriptor, 'utf8')) as { resources?: { name?: unknown; path?: unknown }[] };
		for (const r of parsed.resources ?? []) {
			if (typeof r.name === 'string' && typeof r.path === 'string' && !r.path.includes('..')) paths.set(r.name, r.path);
		}
	} catch {
		// The official example's datapackage.json is a link to the specification's own descriptor,
		// not a descriptor: the official file names apply.
	}
	return paths;
}

/** CSV text as HSDS values: blank is absent, numbers are numbers, the x_ extensions typed. */
function typed(column: string, text: string): unknown {
	if (text === '') return undefined;
	if (NUMERIC_COLUMNS.has(column)) {
		const n = Number(text);
		return text.trim() !== '' && Number.isFinite(n) ? n : text;
	}
	if (column === 'x_curated') return text === 'true' ? true : text === 'false' ? false : text;
	if (column === 'x_keywords') {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			return text;
		}
	}
	return text;
}

export type DataPackageOptions = { chunkSize?: number };

/** The import items of a data package: rows left out first, then one service per row of services.csv. */
export async function* readDataPackage(dir: string, options: DataPackageOptions = {}): AsyncGenerator<ImportItem> {
	if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AppError('INVALID_INPUT', `cartella non trovata: ${dir}`);
	const paths = resourcePaths(dir);
	const rejected: ImportItem[] = [];
	const staged = new Map<string, Map<string, Staged>>();
	const sources = new WeakMap<object, string>();

	for (const spec of STAGED) {
		const file = fileOf(spec.table, paths);
		const rows = new Map<string, Staged>();
		staged.set(spec.table, rows);
		const full = path.join(dir, file);
		if (!existsSync(full)) {
			if (spec.table === 'service') throw new AppError('INVALID_INPUT', `${dir}: manca ${file}, la tabella dei servizi`);
			continue;
		}
		let header: string[] | undefined;
		const stream = createReadStream(full, { encoding: 'utf8', highWaterMark: options.chunkSize ?? 1 << 16 });
		for await (const { line, fields } of streamCsvRows(stream, file)) {
			const where = `${file} riga ${line}`;
			const reject = (reasons: string[], id: string | null = null) =>
				rejected.push({ rejected: { where, id, name: null, reasons } });
			if (!header) {
				header = fields.map((f) => f.trim());
				if (!header.includes('id')) throw new AppError('INVALID_INPUT', `${file}: manca la colonna id nell'intestazione`);
				continue;
			}
			if (fields.length !== header.length) {
				reject([`la riga ha ${fields.length} campi, l'intestazione ne ha ${header.length}`]);
				continue;
			}
			const row = {} as Row;
			header.forEach((column, i) => {
				const value = typed(column, fields[i]!);
				if (value !== undefined) row[column] = value;
			});
			if (typeof row.id !== 'string') {
				reject(['id: campo obbligatorio mancante']);
				continue;
			}
			const previous = rows.get(row.id.toLowerCase());
			if (previous) {
				reject([`id ripetuto: lo stesso id compare già in ${previous.where}`], row.id);
				continue;
			}
			const missing = [...spec.parents, ...(spec.refs ?? [])].flatMap(({ column, table }) => {
				const id = row[column];
				if (typeof id !== 'string' || staged.get(table)!.has(id.toLowerCase())) return [];
				return [`${column}: nessun record con id ${id} in ${fileOf(table, paths)} (mancante o scartato)`];
			});
			if (spec.table === 'attribute' && row.link_entity !== undefined && row.link_entity !== 'service') {
				missing.push(`link_entity: Piazza importa solo attributi dei servizi, non "${String(row.link_entity)}"`);
			}
			if (spec.parents.length > 0 && !spec.parents.some((p) => typeof row[p.column] === 'string')) {
				missing.push(`manca il collegamento (${spec.parents.map((p) => p.column).join(' o ')})`);
			}
			if (missing.length > 0) {
				reject(missing, row.id);
				continue;
			}
			const object: Record<string, unknown> = { ...row };
			sources.set(object, where);
			rows.set(row.id.toLowerCase(), { row, where, object });
		}
	}

	const get = (table: string, id: unknown) => staged.get(table)!.get(String(id).toLowerCase())!.object;
	// nest: every row under its most specific parent, in file order
	for (const spec of STAGED) {
		for (const { row, object } of staged.get(spec.table)!.values()) {
			const parent = spec.parents.find((p) => typeof row[p.column] === 'string');
			if (parent) {
				const holder = get(parent.table, row[parent.column]);
				((holder[parent.list] ??= []) as unknown[]).push(object);
			}
			if (spec.table === 'service_at_location') object.location = get('location', row.location_id);
			if (spec.table === 'service' && typeof row.organization_id === 'string') {
				object.organization = get('organization', row.organization_id);
			}
			if (spec.table === 'attribute') object.taxonomy_term = get('taxonomy_term', row.taxonomy_term_id);
			if (spec.table === 'taxonomy_term' && typeof row.taxonomy_id === 'string') {
				const detail = get('taxonomy', row.taxonomy_id);
				object.taxonomy_detail = detail;
				object.taxonomy ??= detail.name;
			}
		}
	}

	yield* rejected;
	for (const { where, object } of staged.get('service')!.values()) {
		yield { record: object, where, locate: (issuePath, message) => locate(object, issuePath, message, sources) };
	}
}

/** "locations.csv riga 2: latitude: ..." from the path of an issue in an assembled service. */
function locate(
	record: Record<string, unknown>,
	issuePath: readonly PropertyKey[],
	message: string,
	sources: WeakMap<object, string>
): string {
	let where = sources.get(record)!;
	let rest: readonly PropertyKey[] = issuePath;
	let node: unknown = record;
	issuePath.forEach((key, i) => {
		node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
		const source = node && typeof node === 'object' ? sources.get(node) : undefined;
		if (source) {
			where = source;
			rest = issuePath.slice(i + 1);
		}
	});
	return rest.length > 0 ? `${where}: ${formatPath(rest)}: ${message}` : `${where}: ${message}`;
}
