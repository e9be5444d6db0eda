/**
 * The one write path of a service and everything nested in it (HSDS 3.1, as the API's
 * GET /services/{id} returns it). Runs inside the caller's transaction: a failure anywhere
 * rolls the whole record back. Re-running it with the same input changes nothing (ids in,
 * ids kept; derived ids are UUID v5 of the parent and position).
 */
import { and, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.ts';
import {
	accessibility,
	address,
	attribute,
	contact,
	costOption,
	language,
	location,
	organization,
	phone,
	requiredDocument,
	schedule,
	service,
	serviceArea,
	serviceAtLocation,
	taxonomy,
	taxonomyTerm,
	type TermKind
} from '../db/schema/index.ts';
import { locateInMilan } from '../geo/locate.ts';
import { refreshSearchDocuments } from '../search/refresh-search-documents.ts';
import { AppError } from '../shared/errors.ts';
import { uuidV5 } from '../shared/ids.ts';
import { slugCandidates, slugify } from '../shared/slug.ts';
import { AREAS_TAXONOMY, AUDIENCE_TAXONOMY, taxonomyId } from '../taxonomy/reference.ts';
import type {
	HsdsContactInput,
	HsdsLanguageInput,
	HsdsLocationInput,
	HsdsPhoneInput,
	HsdsScheduleInput,
	HsdsServiceAreaInput,
	HsdsServiceInput
} from './hsds-service.input.ts';

const REFERENCE_TAXONOMIES: readonly string[] = [AREAS_TAXONOMY, AUDIENCE_TAXONOMY];

type ReferenceTerm = { id: string; code: string; taxonomy: string; kind: TermKind | null; parentId: string | null };

/** What every record of an import needs and never changes during it: read once per import. */
export type ImportContext = {
	/** By `${taxonomy}:${code}`. */
	referenceTerms: Map<string, ReferenceTerm>;
	referenceTermIds: Set<string>;
};

export async function loadImportContext(db: DbOrTx): Promise<ImportContext> {
	const rows = await db
		.select({
			id: taxonomyTerm.id,
			code: taxonomyTerm.code,
			taxonomy: taxonomyTerm.taxonomy,
			kind: taxonomyTerm.kind,
			parentId: taxonomyTerm.parentId
		})
		.from(taxonomyTerm)
		.where(inArray(taxonomyTerm.taxonomy, [...REFERENCE_TAXONOMIES]));
	if (rows.length === 0) {
		throw new Error('reference taxonomy missing: run `npm run db:migrate` (installReferenceData) first');
	}
	const referenceTerms = new Map<string, ReferenceTerm>();
	for (const r of rows) {
		referenceTerms.set(`${r.taxonomy}:${r.code}`, { ...r, code: r.code!, taxonomy: r.taxonomy! });
	}
	return { referenceTerms, referenceTermIds: new Set(rows.map((r) => r.id)) };
}

export type ReferenceIssue = { path: string; message: string };

const termTaxonomyName = (term: NonNullable<HsdsServiceInput['attributes']>[number]['taxonomy_term']) =>
	term?.taxonomy ?? term?.taxonomy_detail?.name ?? null;

/**
 * The taxonomy an attribute's term is stored under. A code of a reference taxonomy
 * ("aree-di-bisogno", "destinatari") that the reference does not know is kept, not rejected:
 * under "<taxonomy>-esterna", because the reference taxonomies are Piazza's own and closed.
 */
export function externalTaxonomyName(name: string): string {
	return REFERENCE_TAXONOMIES.includes(name) ? `${name}-esterna` : name;
}

/**
 * The checks that need the reference taxonomy but not the database: terms of "aree-di-bisogno"
 * and "destinatari" need a code; terms the reference does not know (of another taxonomy, or an
 * unknown code) must say which taxonomy and carry a name, to be kept as external terms.
 */
export function checkServiceReferences(input: HsdsServiceInput, context: ImportContext): ReferenceIssue[] {
	const issues: ReferenceIssue[] = [];
	(input.attributes ?? []).forEach((a, i) => {
		const term = a.taxonomy_term;
		if (!term) return;
		const path = `attributes[${i}].taxonomy_term`;
		const taxonomyName = termTaxonomyName(term);
		if (taxonomyName && REFERENCE_TAXONOMIES.includes(taxonomyName)) {
			if (!term.code) {
				issues.push({ path: `${path}.code`, message: `obbligatorio per i termini della tassonomia "${taxonomyName}"` });
				return;
			}
			if (context.referenceTerms.has(`${taxonomyName}:${term.code}`)) return;
		}
		if (!taxonomyName) {
			issues.push({ path: `${path}.taxonomy`, message: 'indicare a quale tassonomia appartiene il termine' });
		}
		if (!term.name) issues.push({ path: `${path}.name`, message: 'campo obbligatorio mancante' });
	});
	return issues;
}

/**
 * "Gratuito" as a filter: true when a cost option costs 0 or the fees text says it is free,
 * false when a positive price is given, unknown (null) otherwise.
 */
export function deriveFreeOfCharge(
	costOptions: readonly { amount?: number | null }[],
	feesDescription: string | null | undefined
): boolean | null {
	const amounts = costOptions.map((c) => c.amount).filter((a): a is number => a != null);
	if (amounts.includes(0)) return true;
	const fees = (feesDescription ?? '').normalize('NFD').replace(/\p{M}/gu, '');
	if (/\b(gratuit[aoie]|gratis|free)\b/i.test(fees)) return true;
	if (amounts.some((a) => a > 0)) return false;
	return null;
}

/** Ids of child rows: the incoming one, or UUID v5 of its position; a repeated id is re-derived. */
function createIdAllocator() {
	const used = new Map<string, Set<string>>();
	return (table: string, incoming: string | null | undefined, positionKey: string): string => {
		let ids = used.get(table);
		if (!ids) used.set(table, (ids = new Set()));
		let id = incoming ?? uuidV5(positionKey);
		// HSDS payloads often repeat one object (a phone, a contact) under several parents; each copy is a row here
		if (ids.has(id)) id = uuidV5(`${positionKey}:${id}`);
		ids.add(id);
		return id;
	};
}

type Parent = {
	serviceId?: string;
	locationId?: string;
	contactId?: string;
	serviceAtLocationId?: string;
	phoneId?: string;
};

/** The child rows of one service, collected first so each table gets one multi-row insert. */
class ChildRows {
	readonly contacts: (typeof contact.$inferInsert)[] = [];
	readonly phones: (typeof phone.$inferInsert)[] = [];
	readonly languages: (typeof language.$inferInsert)[] = [];
	readonly schedules: (typeof schedule.$inferInsert)[] = [];
	readonly serviceAreas: (typeof serviceArea.$inferInsert)[] = [];
	readonly addresses: (typeof address.$inferInsert)[] = [];
	readonly accessibility: (typeof accessibility.$inferInsert)[] = [];
	/** Shared by all the rows of one service, so a repeated id is re-derived (createIdAllocator). */
	readonly allocate: ReturnType<typeof createIdAllocator>;

	constructor(allocate = createIdAllocator()) {
		this.allocate = allocate;
	}

	addLanguages(list: readonly HsdsLanguageInput[] | null | undefined, parent: Parent, owner: string) {
		(list ?? []).forEach((l, i) => {
			const id = this.allocate('language', l.id, `${owner}:language:${i}`);
			this.languages.push({ id, ...parent, name: l.name, code: l.code, note: l.note });
		});
	}

	addPhones(list: readonly HsdsPhoneInput[] | null | undefined, parent: Parent, owner: string) {
		(list ?? []).forEach((p, i) => {
			const id = this.allocate('phone', p.id, `${owner}:phone:${i}`);
			this.phones.push({
				id,
				...parent,
				number: p.number,
				extension: p.extension ?? null,
				type: p.type,
				description: p.description
			});
			this.addLanguages(p.languages, { phoneId: id }, id);
		});
	}

	addContacts(list: readonly HsdsContactInput[] | null | undefined, parent: Parent, owner: string) {
		(list ?? []).forEach((c, i) => {
			const id = this.allocate('contact', c.id, `${owner}:contact:${i}`);
			this.contacts.push({ id, ...parent, name: c.name, title: c.title, department: c.department, email: c.email });
			this.addPhones(c.phones, { contactId: id }, id);
		});
	}

	addSchedules(list: readonly HsdsScheduleInput[] | null | undefined, parent: Parent, owner: string) {
		(list ?? []).forEach((s, i) => {
			this.schedules.push({
				id: this.allocate('schedule', s.id, `${owner}:schedule:${i}`),
				...parent,
				validFrom: s.valid_from ?? null,
				validTo: s.valid_to ?? null,
				dtstart: s.dtstart ?? null,
				timezone: s.timezone == null ? null : String(s.timezone),
				until: s.until ?? null,
				count: s.count ?? null,
				wkst: s.wkst ?? null,
				freq: s.freq ?? null,
				interval: s.interval ?? null,
				byday: s.byday,
				byweekno: s.byweekno,
				bymonthday: s.bymonthday,
				byyearday: s.byyearday,
				description: s.description,
				opensAt: s.opens_at ?? null,
				closesAt: s.closes_at ?? null,
				scheduleLink: s.schedule_link,
				attendingType: s.attending_type,
				notes: s.notes
			});
		});
	}

	addServiceAreas(list: readonly HsdsServiceAreaInput[] | null | undefined, parent: Parent, owner: string) {
		(list ?? []).forEach((a, i) => {
			this.serviceAreas.push({
				id: this.allocate('service_area', a.id, `${owner}:service_area:${i}`),
				...parent,
				name: a.name,
				description: a.description,
				extent: a.extent,
				extentType: a.extent_type,
				uri: a.uri
			});
		});
	}

	addLocationChildren(loc: HsdsLocationInput, locationId: string) {
		const parent = { locationId };
		(loc.addresses ?? []).forEach((a, i) => {
			this.addresses.push({
				id: this.allocate('address', a.id, `${locationId}:address:${i}`),
				locationId,
				attention: a.attention,
				address1: a.address_1,
				address2: a.address_2,
				city: a.city,
				region: a.region,
				stateProvince: a.state_province,
				postalCode: a.postal_code,
				country: a.country,
				addressType: a.address_type ?? 'physical'
			});
		});
		(loc.accessibility ?? []).forEach((a, i) => {
			this.accessibility.push({
				id: this.allocate('accessibility', a.id, `${locationId}:accessibility:${i}`),
				locationId,
				description: a.description,
				details: a.details,
				url: a.url
			});
		});
		this.addPhones(loc.phones, parent, locationId);
		this.addLanguages(loc.languages, parent, locationId);
		this.addSchedules(loc.schedules, parent, locationId);
		this.addContacts(loc.contacts, parent, locationId);
	}
}

/** The first slug candidate no other record of the table uses. */
function freeSlug(rows: readonly { id: string; slug: string | null }[], id: string, candidates: string[]): string {
	const taken = new Set(rows.filter((r) => r.id !== id).map((r) => r.slug));
	const slug = candidates.find((c) => !taken.has(c));
	if (!slug) throw new AppError('CONFLICT', `nessun indirizzo (slug) libero per il record ${id}`, { field: 'id' });
	return slug;
}

/** `SET col = excluded.col` for every given column, plus updated_at when the table has it. */
function excludedSet<T extends PgTable>(table: T, keys: string[]): Record<string, SQL> {
	const columns = table as unknown as Record<string, { name: string }>;
	const set: Record<string, SQL> = {};
	for (const key of keys) set[key] = sql.raw(`excluded."${columns[key]!.name}"`);
	if ('updatedAt' in columns) set.updatedAt = sql`now()`;
	return set;
}

const withoutId = (row: Record<string, unknown>) => Object.keys(row).filter((k) => k !== 'id');

/** One statement deleting from several tables (data-modifying CTEs): one round trip instead of many. */
async function deleteFromAll(tx: DbOrTx, targets: { table: PgTable; where: SQL }[]): Promise<void> {
	if (targets.length === 0) return;
	const ctes = targets.map(({ table, where }, i) => sql`${sql.raw(`d${i}`)} AS (DELETE FROM ${table} WHERE ${where})`);
	await tx.execute(sql`WITH ${sql.join(ctes, sql`, `)} SELECT 1`);
}

/**
 * The insert of one table's rows from a single JSON parameter (json_populate_recordset): the
 * statement stays the same size whatever the number of rows (no 65,535-parameter limit) and is
 * cheap to build, which is what makes bulk imports fast. Columns left out of every row get
 * their defaults; an upsert replaces the given columns and bumps updated_at.
 */
function insertFromJson(table: PgTable, rows: readonly object[], upsert: boolean): SQL {
	const columns = getTableColumns(table) as Record<string, { name: string }>;
	// a column no row gives a value keeps its default (as drizzle's insert does with undefined)
	const keys = [...new Set(rows.flatMap((r) => Object.entries(r).flatMap(([k, v]) => (v === undefined ? [] : [k]))))];
	const json = JSON.stringify(
		rows.map((row) => {
			const out: Record<string, unknown> = {};
			for (const [key, value] of Object.entries(row)) if (value !== undefined) out[columns[key]!.name] = value;
			return out;
		})
	);
	const names = sql.raw(keys.map((k) => `"${columns[k]!.name}"`).join(', '));
	const insert = sql`INSERT INTO ${table} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${table}, ${json}::json)`;
	if (!upsert) return insert;
	const set = keys
		.filter((k) => k !== 'id')
		.map((k) => `"${columns[k]!.name}" = excluded."${columns[k]!.name}"`)
		.concat('updatedAt' in columns ? ['"updated_at" = now()'] : []);
	return sql`${insert} ON CONFLICT (id) DO UPDATE SET ${sql.raw(set.join(', '))}`;
}

/**
 * Runs the inserts, parents first, as one statement: a chain of data-modifying CTEs, whose
 * foreign keys are checked at the end of the statement, so rows inserted side by side may
 * reference each other.
 */
async function insertAll(tx: DbOrTx, inserts: SQL[]): Promise<void> {
	if (inserts.length === 0) return;
	const ctes = inserts.map((insert, i) => sql`${sql.raw(`i${i}`)} AS (${insert})`);
	await tx.execute(sql`WITH ${sql.join(ctes, sql`, `)} SELECT 1`);
}

function organizationRow(org: NonNullable<HsdsServiceInput['organization']>, slug: string) {
	return {
		id: org.id,
		name: org.name,
		alternateName: org.alternate_name,
		description: org.description ?? '',
		email: org.email,
		website: org.website,
		taxStatus: org.tax_status,
		taxId: org.tax_id,
		yearIncorporated: org.year_incorporated ?? null,
		legalStatus: org.legal_status,
		logo: org.logo,
		uri: org.uri,
		parentOrganizationId: org.parent_organization_id ?? null,
		slug
	};
}

async function requireExisting(
	tx: DbOrTx,
	table: typeof organization | typeof location | typeof taxonomyTerm,
	refs: { id: string; path: string }[],
	message: string
) {
	if (refs.length === 0) return;
	const found = await tx
		.select({ id: table.id })
		.from(table)
		.where(inArray(table.id, [...new Set(refs.map((r) => r.id))]));
	const existing = new Set(found.map((r) => r.id));
	const missing = refs.filter((r) => !existing.has(r.id));
	if (missing.length > 0) {
		throw new AppError('INVALID_INPUT', missing.map((r) => `${r.path}: ${message} (${r.id})`).join('; '), {
			field: missing[0]!.path
		});
	}
}

/** The id of a term of a non-reference taxonomy, creating the taxonomy (by name) and the term as needed. */
async function ensureExternalTerm(
	tx: DbOrTx,
	term: NonNullable<NonNullable<HsdsServiceInput['attributes']>[number]['taxonomy_term']>,
	path: string
): Promise<string> {
	const name = externalTaxonomyName(termTaxonomyName(term)!);
	// the data's own taxonomy and its detail, unless they are a reference taxonomy's
	const own = name === termTaxonomyName(term);
	const detail = own ? term.taxonomy_detail : undefined;
	await tx
		.insert(taxonomy)
		.values({
			id: detail?.id ?? (own ? term.taxonomy_id : undefined) ?? taxonomyId(name),
			name,
			description: detail?.description ?? '',
			uri: detail?.uri,
			version: detail?.version
		})
		.onConflictDoNothing();
	const [tax] = await tx.select({ id: taxonomy.id }).from(taxonomy).where(eq(taxonomy.name, name));
	if (!tax) {
		throw new AppError('INVALID_INPUT', `${path}.taxonomy_detail.id: id già usato da un'altra tassonomia`, {
			field: `${path}.taxonomy_detail.id`
		});
	}
	let id = term.id ?? uuidV5(`taxonomy_term:${name}:${term.code ?? term.name}`);
	if (term.code) {
		// the same code in the same taxonomy is the same term, whatever id the source gave it
		const [sameCode] = await tx
			.select({ id: taxonomyTerm.id })
			.from(taxonomyTerm)
			.where(and(eq(taxonomyTerm.taxonomyId, tax.id), eq(taxonomyTerm.code, term.code)));
		if (sameCode) id = sameCode.id;
	}
	const row = {
		id,
		code: term.code,
		name: term.name!,
		description: term.description ?? '',
		parentId: term.parent_id ?? null,
		taxonomy: name,
		taxonomyId: tax.id,
		language: term.language,
		termUri: term.term_uri
	};
	const written = await tx
		.insert(taxonomyTerm)
		.values(row)
		.onConflictDoUpdate({
			target: taxonomyTerm.id,
			set: excludedSet(taxonomyTerm, withoutId(row)),
			// never rewrite a term of another taxonomy (the reference ones above all)
			setWhere: eq(taxonomyTerm.taxonomyId, tax.id)
		})
		.returning({ id: taxonomyTerm.id });
	if (written.length === 0) {
		throw new AppError('INVALID_INPUT', `${path}.id: id già usato da un termine di un'altra tassonomia`, {
			field: `${path}.id`
		});
	}
	return id;
}

type ResolvedAttribute = { id: string; termId: string; linkType: string | null; value: string | null; label: string | null };

/** The attributes of a service given each one's term id: repeats dropped, implied areas added. */
function buildAttributes(
	input: HsdsServiceInput,
	termIds: readonly string[],
	context: ImportContext,
	allocate: ReturnType<typeof createIdAllocator>
): ResolvedAttribute[] {
	const resolved: ResolvedAttribute[] = [];
	(input.attributes ?? []).forEach((a, i) => {
		const termId = termIds[i]!;
		if (resolved.some((r) => r.termId === termId)) return;
		resolved.push({
			id: allocate('attribute', a.id, `${input.id}:attribute:${i}`),
			termId,
			linkType: a.link_type,
			value: a.value ?? null,
			label: a.label
		});
	});
	// A sub-category implies its area: search facets and area filters count on it.
	const subcategories = [...context.referenceTerms.values()].filter(
		(t) => t.kind === 'subcategory' && resolved.some((r) => r.termId === t.id)
	);
	for (const sub of subcategories) {
		if (!sub.parentId || resolved.some((r) => r.termId === sub.parentId)) continue;
		resolved.push({
			id: allocate('attribute', null, `${input.id}:attribute:area:${sub.parentId}`),
			termId: sub.parentId,
			linkType: resolved.find((r) => r.termId === sub.id)!.linkType,
			value: null,
			label: null
		});
	}
	return resolved;
}

/** The reference term id of an attribute, or null when it needs the database (another taxonomy). */
function referenceTermId(a: NonNullable<HsdsServiceInput['attributes']>[number], context: ImportContext): string | null {
	const term = a.taxonomy_term;
	const taxonomyName = termTaxonomyName(term);
	const reference = term && taxonomyName ? context.referenceTerms.get(`${taxonomyName}:${term.code}`) : undefined;
	if (reference) return reference.id;
	if (!term && context.referenceTermIds.has(a.taxonomy_term_id!)) return a.taxonomy_term_id!;
	return null;
}

/** The attributes when every term is a reference one, computed without the database; else null. */
function referenceAttributesOf(
	input: HsdsServiceInput,
	context: ImportContext,
	allocate: ReturnType<typeof createIdAllocator>
): ResolvedAttribute[] | null {
	const termIds = (input.attributes ?? []).map((a) => referenceTermId(a, context));
	if (termIds.some((id) => id === null)) return null;
	return buildAttributes(input, termIds as string[], context, allocate);
}

async function resolveAttributes(
	tx: DbOrTx,
	input: HsdsServiceInput,
	context: ImportContext,
	allocate: ReturnType<typeof createIdAllocator>
): Promise<ResolvedAttribute[]> {
	const termIds: string[] = [];
	const byTermId: { id: string; path: string }[] = [];
	for (const [i, a] of (input.attributes ?? []).entries()) {
		const path = `attributes[${i}]`;
		let termId = referenceTermId(a, context);
		if (termId === null && a.taxonomy_term) termId = await ensureExternalTerm(tx, a.taxonomy_term, `${path}.taxonomy_term`);
		else if (termId === null) {
			termId = a.taxonomy_term_id!;
			byTermId.push({ id: termId, path: `${path}.taxonomy_term_id` });
		}
		termIds.push(termId);
	}
	await requireExisting(tx, taxonomyTerm, byTermId, 'termine inesistente: includere taxonomy_term');
	return buildAttributes(input, termIds, context, allocate);
}

const cleanKeywords = (keywords: readonly string[] | null | undefined) => [
	...new Set((keywords ?? []).map((k) => k.trim()).filter(Boolean))
];

export type UpsertServiceOptions = {
	/** Reference terms read once per import; loaded here when absent. */
	context?: ImportContext;
	/**
	 * Recompute the service's search document and entry in this transaction (default). A bulk
	 * import turns it off and refreshes many services at once before committing them.
	 */
	refreshSearch?: boolean;
};

/** Everything one service writes, computed from its input without the database. */
type ServicePlan = {
	input: HsdsServiceInput;
	serviceId: string;
	organizationId: string;
	orgSlugs: string[];
	serviceSlugs: string[];
	rows: ChildRows;
	/** Children of each place, kept apart: a place shared by two services of a batch is written once. */
	locationChildren: Map<string, ChildRows>;
	locationRows: (typeof location.$inferInsert & { id: string })[];
	referencedLocations: { id: string; path: string }[];
	serviceAtLocations: (typeof serviceAtLocation.$inferInsert)[];
	costOptions: (typeof costOption.$inferInsert)[];
	requiredDocuments: (typeof requiredDocument.$inferInsert)[];
	/** The attributes when every term is a reference one (no database needed), else null. */
	referenceAttributes: ResolvedAttribute[] | null;
};

function planService(input: HsdsServiceInput, ctx: ImportContext): ServicePlan {
	const issues = checkServiceReferences(input, ctx);
	if (issues.length > 0) {
		throw new AppError('INVALID_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
			field: issues[0]!.path
		});
	}
	const serviceId = input.id;
	const org = input.organization;
	const rows = new ChildRows();
	const owner = { serviceId };
	rows.addPhones(input.phones, owner, serviceId);
	rows.addSchedules(input.schedules, owner, serviceId);
	rows.addContacts(input.contacts, owner, serviceId);
	rows.addLanguages(input.languages, owner, serviceId);
	rows.addServiceAreas(input.service_areas, owner, serviceId);
	const costOptions = (input.cost_options ?? []).map((c, i) => ({
		id: rows.allocate('cost_option', c.id, `${serviceId}:cost_option:${i}`),
		serviceId,
		validFrom: c.valid_from ?? null,
		validTo: c.valid_to ?? null,
		option: c.option,
		currency: c.currency,
		amount: c.amount == null ? null : String(c.amount),
		amountDescription: c.amount_description
	}));
	const requiredDocuments = (input.required_documents ?? []).map((d, i) => ({
		id: rows.allocate('required_document', d.id, `${serviceId}:required_document:${i}`),
		serviceId,
		document: d.document,
		uri: d.uri
	}));

	const organizationId = org?.id ?? input.organization_id!;
	const locationRows: ServicePlan['locationRows'] = [];
	const locationChildren = new Map<string, ChildRows>();
	const referencedLocations: { id: string; path: string }[] = [];
	const serviceAtLocations = (input.service_at_locations ?? []).map((sal, i) => {
		const id = rows.allocate('service_at_location', sal.id, `${serviceId}:service_at_location:${i}`);
		const loc = sal.location;
		const locationId = loc?.id ?? sal.location_id ?? uuidV5(`${serviceId}:location:${i}`);
		if (!loc) referencedLocations.push({ id: locationId, path: `service_at_locations[${i}].location_id` });
		else if (!locationRows.some((l) => l.id === locationId)) {
			const place =
				loc.latitude != null && loc.longitude != null
					? locateInMilan(loc.latitude, loc.longitude)
					: { municipio: null, nilId: null, nilName: null };
			locationRows.push({
				id: locationId,
				locationType: loc.location_type ?? 'physical',
				url: loc.url,
				organizationId: loc.organization_id ?? organizationId,
				name: loc.name,
				alternateName: loc.alternate_name,
				description: loc.description,
				transportation: loc.transportation,
				latitude: loc.latitude ?? null,
				longitude: loc.longitude ?? null,
				externalIdentifier: loc.external_identifier,
				externalIdentifierType: loc.external_identifier_type,
				...place
			});
			const children = new ChildRows(rows.allocate);
			children.addLocationChildren(loc, locationId);
			locationChildren.set(locationId, children);
		}
		const parent = { serviceAtLocationId: id };
		rows.addPhones(sal.phones, parent, id);
		rows.addSchedules(sal.schedules, parent, id);
		rows.addContacts(sal.contacts, parent, id);
		rows.addServiceAreas(sal.service_areas, parent, id);
		return { id, serviceId, locationId, description: sal.description };
	});
	return {
		input,
		serviceId,
		organizationId,
		orgSlugs: org ? slugCandidates(slugify(org.name), org.id, 'ente') : [],
		serviceSlugs: slugCandidates(slugify(input.x_slug ?? input.name), serviceId, 'servizio'),
		rows,
		locationChildren,
		locationRows,
		referencedLocations,
		serviceAtLocations,
		costOptions,
		requiredDocuments,
		referenceAttributes: referenceAttributesOf(input, ctx, rows.allocate)
	};
}

function serviceRowOf(input: HsdsServiceInput, organizationId: string, slug: string) {
	return {
		id: input.id,
		organizationId,
		programId: input.program_id ?? input.program?.id ?? null,
		name: input.name,
		alternateName: input.alternate_name,
		description: input.description ?? '',
		url: input.url,
		email: input.email,
		status: input.status,
		interpretationServices: input.interpretation_services,
		applicationProcess: input.application_process,
		feesDescription: input.fees_description ?? input.fees,
		waitTime: input.wait_time,
		accreditations: input.accreditations,
		eligibilityDescription: input.eligibility_description,
		minimumAge: input.minimum_age ?? null,
		maximumAge: input.maximum_age ?? null,
		assuredDate: input.assured_date ?? null,
		assurerEmail: input.assurer_email,
		licenses: input.licenses,
		alert: input.alert,
		slug,
		audienceDescription: input.x_audience_description,
		howToAccess: input.x_how_to_access,
		whatYouNeed: input.x_what_you_need,
		whatYouGet: input.x_what_you_get,
		timing: input.x_timing,
		channel: input.x_channel ?? 'physical',
		freeOfCharge: deriveFreeOfCharge(input.cost_options ?? [], input.fees_description ?? input.fees),
		keywords: cleanKeywords(input.x_keywords),
		source: input.x_source,
		curated: input.x_curated ?? false
	};
}

const attributeRows = (serviceId: string, attributes: ResolvedAttribute[]) =>
	attributes.map((a) => ({
		id: a.id,
		linkId: serviceId,
		linkEntity: 'service',
		linkType: a.linkType,
		taxonomyTermId: a.termId,
		value: a.value,
		label: a.label
	}));

/** The existing rows that decide a write (slugs in use, what exists already): one round trip. */
async function findExisting(tx: DbOrTx, plans: readonly ServicePlan[]) {
	const orgIds = [...new Set(plans.map((p) => p.organizationId))];
	const orgSlugs = [...new Set(plans.flatMap((p) => p.orgSlugs))];
	const serviceIds = plans.map((p) => p.serviceId);
	const serviceSlugs = [...new Set(plans.flatMap((p) => p.serviceSlugs))];
	const locationIds = [...new Set(plans.flatMap((p) => p.locationRows.map((l) => l.id)))];
	const kind = (name: string) => sql<string>`${name}`.as('kind');
	const organizations = tx
		.select({ kind: kind('organization'), id: organization.id, slug: organization.slug })
		.from(organization)
		.where(or(inArray(organization.id, orgIds), orgSlugs.length ? inArray(organization.slug, orgSlugs) : undefined));
	const services = tx
		.select({ kind: kind('service'), id: service.id, slug: service.slug })
		.from(service)
		.where(or(inArray(service.id, serviceIds), inArray(service.slug, serviceSlugs)));
	const locations = tx
		.select({ kind: kind('location'), id: location.id, slug: sql<string>`''`.as('slug') })
		.from(location)
		.where(inArray(location.id, locationIds));
	const found = await (locationIds.length
		? organizations.unionAll(services).unionAll(locations)
		: organizations.unionAll(services));
	const of = (k: string) => found.filter((r) => r.kind === k).map((r) => ({ id: r.id, slug: r.slug as string | null }));
	return { organizations: of('organization'), services: of('service'), locations: of('location') };
}

/** Replace, not merge: what the new version of a record leaves out must go. */
async function deleteChildren(tx: DbOrTx, serviceIds: string[], locationIds: string[]) {
	await deleteFromAll(tx, [
		...(serviceIds.length
			? [
					{ table: phone, where: inArray(phone.serviceId, serviceIds) },
					{ table: schedule, where: inArray(schedule.serviceId, serviceIds) },
					{ table: contact, where: inArray(contact.serviceId, serviceIds) },
					{ table: costOption, where: inArray(costOption.serviceId, serviceIds) },
					{ table: language, where: inArray(language.serviceId, serviceIds) },
					{ table: requiredDocument, where: inArray(requiredDocument.serviceId, serviceIds) },
					{ table: serviceArea, where: inArray(serviceArea.serviceId, serviceIds) },
					{ table: serviceAtLocation, where: inArray(serviceAtLocation.serviceId, serviceIds) },
					{ table: attribute, where: and(eq(attribute.linkEntity, 'service'), inArray(attribute.linkId, serviceIds))! }
				]
			: []),
		...(locationIds.length
			? [
					{ table: address, where: inArray(address.locationId, locationIds) },
					{ table: accessibility, where: inArray(accessibility.locationId, locationIds) },
					{ table: phone, where: inArray(phone.locationId, locationIds) },
					{ table: language, where: inArray(language.locationId, locationIds) },
					{ table: schedule, where: inArray(schedule.locationId, locationIds) },
					{ table: contact, where: inArray(contact.locationId, locationIds) }
				]
			: [])
	]);
}

type Written = {
	organizations: object[];
	services: object[];
	locations: object[];
	children: ChildRows[];
	serviceAtLocations: object[];
	costOptions: object[];
	requiredDocuments: object[];
	attributes: object[];
};

/** All the rows, parents first, in as few multi-row statements as the parameter limit allows. */
async function insertRows(tx: DbOrTx, w: Written) {
	const inserts: SQL[] = [];
	const add = (table: PgTable, values: object[], upsert = false) => {
		if (values.length > 0) inserts.push(insertFromJson(table, values, upsert));
	};
	const all = <K extends keyof ChildRows>(key: K) => w.children.flatMap((c) => c[key] as object[]);
	add(organization, w.organizations, true);
	add(service, w.services, true);
	add(location, w.locations, true);
	add(serviceAtLocation, w.serviceAtLocations);
	add(contact, all('contacts'));
	add(phone, all('phones'));
	add(language, all('languages'));
	add(schedule, all('schedules'));
	add(serviceArea, all('serviceAreas'));
	add(address, all('addresses'));
	add(accessibility, all('accessibility'));
	add(costOption, w.costOptions);
	add(requiredDocument, w.requiredDocuments);
	add(attribute, w.attributes);
	await insertAll(tx, inserts);
}

/**
 * Creates or replaces one service with its organization, locations and every nested record.
 * Children of the service are replaced (never duplicated); locations are shared records,
 * upserted by id with their own children replaced.
 */
export async function upsertService(
	tx: DbOrTx,
	input: HsdsServiceInput,
	options: UpsertServiceOptions = {}
): Promise<'created' | 'updated'> {
	const ctx = options.context ?? (await loadImportContext(tx));
	const plan = planService(input, ctx);
	const { serviceId, organizationId } = plan;
	const org = input.organization;
	const existing = await findExisting(tx, [plan]);

	if (!org && !existing.organizations.some((r) => r.id === organizationId)) {
		throw new AppError('INVALID_INPUT', `organization_id: l'ente ${organizationId} non esiste; includere l'oggetto organization`, {
			field: 'organization_id'
		});
	}
	const exists = existing.services.some((r) => r.id === serviceId);
	await deleteChildren(
		tx,
		exists ? [serviceId] : [],
		existing.locations.map((r) => r.id)
	);
	const locationIds = plan.locationRows.map((l) => l.id);
	await requireExisting(
		tx,
		location,
		plan.referencedLocations.filter((r) => !locationIds.includes(r.id)),
		"il luogo non esiste: includere l'oggetto location"
	);
	const attributes = plan.referenceAttributes ?? (await resolveAttributes(tx, input, ctx, plan.rows.allocate));
	await insertRows(tx, {
		organizations: org ? [organizationRow(org, freeSlug(existing.organizations, org.id, plan.orgSlugs))] : [],
		services: [serviceRowOf(input, organizationId, freeSlug(existing.services, serviceId, plan.serviceSlugs))],
		locations: plan.locationRows,
		children: [plan.rows, ...plan.locationChildren.values()],
		serviceAtLocations: plan.serviceAtLocations,
		costOptions: plan.costOptions,
		requiredDocuments: plan.requiredDocuments,
		attributes: attributeRows(serviceId, attributes)
	});

	if (options.refreshSearch !== false) await refreshSearchDocuments(tx, [serviceId]);
	return exists ? 'updated' : 'created';
}

/**
 * Whether upsertServices() can write the record in bulk: every term a reference one, every
 * place given in full, its organization included. The others go through upsertService().
 */
export function canWriteInBulk(input: HsdsServiceInput, ctx: ImportContext): boolean {
	return (
		!!input.organization &&
		(input.service_at_locations ?? []).every((sal) => !!sal.location) &&
		referenceAttributesOf(input, ctx, createIdAllocator()) !== null
	);
}

/**
 * Writes many services (each accepted by canWriteInBulk()) with a constant number of
 * statements: one read of what exists, one delete, a few multi-row inserts. It fails as a
 * whole on any error; the caller then writes the records one by one through upsertService()
 * to find and report the bad one. What is shared (an organization, a place) is written once,
 * as the last record of the batch gives it, as one-by-one writes would leave it.
 */
export async function upsertServices(
	tx: DbOrTx,
	inputs: readonly HsdsServiceInput[],
	ctx: ImportContext
): Promise<('created' | 'updated')[]> {
	if (inputs.length === 0) return [];
	const plans = inputs.map((input) => planService(input, ctx));
	const existing = await findExisting(tx, plans);
	const existingServices = new Set(existing.services.map((r) => r.id));
	await deleteChildren(
		tx,
		plans.filter((p) => existingServices.has(p.serviceId)).map((p) => p.serviceId),
		existing.locations.map((r) => r.id)
	);
	// later records win shared rows; slugs are taken in order, so two new services of the same
	// name get distinct ones, as one-by-one writes would give them
	const organizations = new Map<string, object>();
	const locations = new Map<string, { row: object; children: ChildRows }>();
	const orgSlugRows = [...existing.organizations];
	const serviceSlugRows = [...existing.services];
	const services: object[] = [];
	for (const plan of plans) {
		const org = plan.input.organization!;
		const slug = freeSlug(orgSlugRows, org.id, plan.orgSlugs);
		orgSlugRows.push({ id: org.id, slug });
		organizations.set(org.id, organizationRow(org, slug));
		const serviceSlug = freeSlug(serviceSlugRows, plan.serviceId, plan.serviceSlugs);
		serviceSlugRows.push({ id: plan.serviceId, slug: serviceSlug });
		services.push(serviceRowOf(plan.input, plan.organizationId, serviceSlug));
		for (const row of plan.locationRows) locations.set(row.id, { row, children: plan.locationChildren.get(row.id)! });
	}
	await insertRows(tx, {
		organizations: [...organizations.values()],
		services,
		locations: [...locations.values()].map((l) => l.row),
		children: [...plans.map((p) => p.rows), ...[...locations.values()].map((l) => l.children)],
		serviceAtLocations: plans.flatMap((p) => p.serviceAtLocations),
		costOptions: plans.flatMap((p) => p.costOptions),
		requiredDocuments: plans.flatMap((p) => p.requiredDocuments),
		attributes: plans.flatMap((p) => attributeRows(p.serviceId, p.referenceAttributes!))
	});
	return plans.map((p) => (existingServices.has(p.serviceId) ? 'updated' : 'created'));
}
