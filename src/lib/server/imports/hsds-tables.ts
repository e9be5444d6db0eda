/**
 * The HSDS 3.1 tabular data package: one CSV per table, with the columns of the official example
 * package (data/hsds/3.1/examples/csv/), in its order. Shared by the data-package import and
 * export. Tables Piazza does not store (programs, funding, units, ...) are exported with their
 * header only, so the package keeps the official shape.
 */
export type HsdsTable = { resource: string; file: string; columns: readonly string[] };

export const HSDS_TABLES: readonly HsdsTable[] = [
	{ resource: 'organization', file: 'organizations.csv', columns: ['id', 'name', 'alternate_name', 'description', 'email', 'website', 'tax_status', 'tax_id', 'year_incorporated', 'legal_status', 'logo', 'uri', 'parent_organization_id'] },
	{ resource: 'program', file: 'programs.csv', columns: ['id', 'organization_id', 'name', 'alternate_name', 'description'] },
	{ resource: 'service', file: 'services.csv', columns: ['id', 'organization_id', 'program_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'interpretation_services', 'application_process', 'fees_description', 'wait_time', 'fees', 'accreditations', 'eligibility_description', 'minimum_age', 'maximum_age', 'assured_date', 'assurer_email', 'licenses', 'alert', 'last_modified'] },
	{ resource: 'attribute', file: 'attributes.csv', columns: ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value', 'label'] },
	{ resource: 'service_at_location', file: 'service_at_location.csv', columns: ['id', 'service_id', 'location_id', 'description'] },
	{ resource: 'location', file: 'locations.csv', columns: ['id', 'location_type', 'url', 'organization_id', 'name', 'alternate_name', 'description', 'transportation', 'latitude', 'longitude', 'external_identifier', 'external_identifier_type'] },
	{ resource: 'phone', file: 'phones.csv', columns: ['id', 'location_id', 'service_id', 'organization_id', 'contact_id', 'service_at_location_id', 'number', 'extension', 'type', 'description'] },
	{ resource: 'contact', file: 'contacts.csv', columns: ['id', 'organization_id', 'service_id', 'service_at_location_id', 'location_id', 'name', 'title', 'department', 'email'] },
	{ resource: 'address', file: 'addresses.csv', columns: ['id', 'location_id', 'attention', 'address_1', 'address_2', 'city', 'region', 'state_province', 'postal_code', 'country', 'address_type'] },
	{ resource: 'schedule', file: 'schedules.csv', columns: ['id', 'service_id', 'location_id', 'service_at_location_id', 'valid_from', 'valid_to', 'dtstart', 'timezone', 'until', 'count', 'wkst', 'freq', 'interval', 'byday', 'byweekno', 'bymonthday', 'byyearday', 'description', 'opens_at', 'closes_at', 'schedule_link', 'attending_type', 'notes'] },
	{ resource: 'funding', file: 'funding.csv', columns: ['id', 'organization_id', 'service_id', 'source'] },
	{ resource: 'service_area', file: 'service_areas.csv', columns: ['id', 'service_id', 'service_at_location_id', 'name', 'description', 'extent', 'extent_type', 'uri'] },
	{ resource: 'required_document', file: 'required_documents.csv', columns: ['id', 'service_id', 'document', 'uri'] },
	{ resource: 'language', file: 'languages.csv', columns: ['id', 'service_id', 'location_id', 'phone_id', 'name', 'code', 'note'] },
	{ resource: 'accessibility', file: 'accessibility.csv', columns: ['id', 'location_id', 'description', 'details', 'url'] },
	{ resource: 'taxonomy_term', file: 'taxonomy_terms.csv', columns: ['id', 'code', 'name', 'description', 'parent_id', 'taxonomy', 'language', 'taxonomy_id', 'term_uri'] },
	{ resource: 'metadata', file: 'metadata.csv', columns: ['id', 'resource_id', 'resource_type', 'last_action_date', 'last_action_type', 'field_name', 'previous_value', 'replacement_value', 'updated_by'] },
	{ resource: 'meta_table_description', file: 'meta_table_descriptions.csv', columns: ['id', 'name', 'language', 'character_set'] },
	{ resource: 'cost_option', file: 'cost_options.csv', columns: ['id', 'service_id', 'valid_from', 'valid_to', 'option', 'currency', 'amount', 'amount_description'] },
	{ resource: 'organization_identifier', file: 'organization_identifiers.csv', columns: ['id', 'organization_id', 'identifier_scheme', 'identifier_type', 'identifier'] },
	{ resource: 'taxonomy', file: 'taxonomies.csv', columns: ['id', 'name', 'description', 'uri', 'version'] },
	{ resource: 'service_capacity', file: 'service_capacity.csv', columns: ['id', 'service_id', 'unit_id', 'available', 'maximum', 'description', 'updated'] },
	{ resource: 'unit', file: 'units.csv', columns: ['id', 'name', 'scheme', 'identifier', 'uri'] },
	{ resource: 'url', file: 'url.csv', columns: ['id', 'label', 'url'] }
];

/**
 * Piazza's `x_` extension fields of a service (DEVELOPERS.md), as extra columns of services.csv
 * after the official ones: x_keywords as a JSON array, x_curated as true/false.
 */
export const SERVICE_EXTENSION_COLUMNS = [
	'x_slug',
	'x_audience_description',
	'x_how_to_access',
	'x_what_you_need',
	'x_what_you_get',
	'x_timing',
	'x_channel',
	'x_keywords',
	'x_source',
	'x_curated'
] as const;

/** Columns whose CSV text is read as a number (else left as text, for validation to report). */
export const NUMERIC_COLUMNS = new Set([
	'latitude',
	'longitude',
	'minimum_age',
	'maximum_age',
	'year_incorporated',
	'extension',
	'amount',
	'timezone',
	'count',
	'interval'
]);

/** Table Schema type of a column, for datapackage.json. */
export function columnType(column: string): string {
	if (NUMERIC_COLUMNS.has(column)) return ['latitude', 'longitude', 'amount', 'timezone'].includes(column) ? 'number' : 'integer';
	if (/(^|_)(valid_from|valid_to|dtstart|until|assured_date|last_action_date)$/.test(column)) return 'date';
	if (column === 'opens_at' || column === 'closes_at') return 'time';
	if (column === 'last_modified' || column === 'updated') return 'datetime';
	return 'string';
}
