/**
 * Database rows → HSDS 3.1 objects. The child tables mirror HSDS column for column, so their
 * rows are renamed by the columns' SQL names; organization, service and location carry
 * extension columns and are mapped by hand. Absent values are left out, numerics become
 * numbers, timestamps ISO strings.
 */
import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { service, type location, type organization, type taxonomy, type taxonomyTerm } from '../db/schema/index.ts';
import type {
	HsdsLocation,
	HsdsOrganization,
	HsdsServiceSummary,
	HsdsTaxonomy,
	HsdsTaxonomyTerm
} from './types.ts';

/** `obj` without its null and undefined properties. */
export function compact<T extends Record<string, unknown>>(obj: T): { [K in keyof T]: Exclude<T[K], null> } {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(obj)) if (value != null) out[key] = value;
	return out as { [K in keyof T]: Exclude<T[K], null> };
}

const columnNames = new WeakMap<PgTable, Map<string, { name: string; numeric: boolean }>>();

function namesOf(table: PgTable) {
	let names = columnNames.get(table);
	if (!names) {
		names = new Map(
			Object.entries(getTableColumns(table)).map(([key, column]) => [
				key,
				{ name: column.name, numeric: column.columnType === 'PgNumeric' }
			])
		);
		columnNames.set(table, names);
	}
	return names;
}

/** A row of a table whose columns are HSDS's own, under HSDS names. */
export function rowToHsds<T>(table: PgTable, row: Record<string, unknown>): T {
	const out: Record<string, unknown> = {};
	for (const [key, { name, numeric }] of namesOf(table)) {
		const value = row[key];
		if (value == null) continue;
		out[name] = numeric ? Number(value) : value;
	}
	return out as T;
}

export const isoTimestamp = (value: Date | string): string => new Date(value).toISOString();

/** A service row without its search document (a large tsvector nobody outside search reads). */
export type ServiceRow = Omit<typeof service.$inferSelect, 'searchDocument'>;
const { searchDocument: _searchDocument, ...serviceColumnsWithoutDocument } = getTableColumns(service);
export const serviceColumns = serviceColumnsWithoutDocument;

export function organizationToHsds(o: typeof organization.$inferSelect): HsdsOrganization {
	return compact({
		id: o.id,
		name: o.name,
		alternate_name: o.alternateName,
		description: o.description,
		email: o.email,
		website: o.website,
		tax_status: o.taxStatus,
		tax_id: o.taxId,
		year_incorporated: o.yearIncorporated,
		legal_status: o.legalStatus,
		logo: o.logo,
		uri: o.uri,
		parent_organization_id: o.parentOrganizationId
	});
}

export function serviceSummaryToHsds(
	s: ServiceRow,
	org: HsdsOrganization,
	lastModified: Date
): HsdsServiceSummary {
	return compact({
		id: s.id,
		organization_id: s.organizationId,
		program_id: s.programId,
		name: s.name,
		alternate_name: s.alternateName,
		description: s.description,
		url: s.url,
		email: s.email,
		status: s.status,
		interpretation_services: s.interpretationServices,
		application_process: s.applicationProcess,
		fees_description: s.feesDescription,
		wait_time: s.waitTime,
		accreditations: s.accreditations,
		eligibility_description: s.eligibilityDescription,
		minimum_age: s.minimumAge,
		maximum_age: s.maximumAge,
		assured_date: s.assuredDate,
		assurer_email: s.assurerEmail,
		licenses: s.licenses,
		alert: s.alert,
		last_modified: isoTimestamp(lastModified),
		organization: org,
		x_slug: s.slug,
		x_audience_description: s.audienceDescription,
		x_how_to_access: s.howToAccess,
		x_what_you_need: s.whatYouNeed,
		x_what_you_get: s.whatYouGet,
		x_timing: s.timing,
		x_channel: s.channel,
		x_keywords: s.keywords,
		x_source: s.source,
		x_curated: s.curated
	});
}

export function locationToHsds(l: typeof location.$inferSelect): HsdsLocation {
	return compact({
		id: l.id,
		location_type: l.locationType,
		url: l.url,
		organization_id: l.organizationId,
		name: l.name,
		alternate_name: l.alternateName,
		description: l.description,
		transportation: l.transportation,
		latitude: l.latitude,
		longitude: l.longitude,
		external_identifier: l.externalIdentifier,
		external_identifier_type: l.externalIdentifierType,
		x_municipio: l.municipio,
		x_nil_id: l.nilId,
		x_nil_name: l.nilName
	});
}

export function taxonomyToHsds(t: typeof taxonomy.$inferSelect): HsdsTaxonomy {
	return compact({ id: t.id, name: t.name, description: t.description, uri: t.uri, version: t.version });
}

export function taxonomyTermToHsds(
	t: typeof taxonomyTerm.$inferSelect,
	detail?: typeof taxonomy.$inferSelect | null
): HsdsTaxonomyTerm {
	return compact({
		id: t.id,
		code: t.code,
		name: t.name,
		description: t.description,
		parent_id: t.parentId,
		taxonomy: t.taxonomy,
		taxonomy_id: t.taxonomyId,
		taxonomy_detail: detail ? taxonomyToHsds(detail) : null,
		language: t.language,
		term_uri: t.termUri
	});
}
