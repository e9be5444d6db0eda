/**
 * The HSDS 3.1 objects the API serves and the exports write. Field names are HSDS's; fields
 * with no value are left out (the official schemas type them as plain strings and numbers,
 * so `null` would not validate). `x_` fields are Piazza's extensions (DEVELOPERS.md).
 */

export type HsdsLanguage = {
	id: string;
	service_id?: string;
	location_id?: string;
	phone_id?: string;
	name?: string;
	code?: string;
	note?: string;
};

export type HsdsPhone = {
	id: string;
	location_id?: string;
	service_id?: string;
	organization_id?: string;
	contact_id?: string;
	service_at_location_id?: string;
	number: string;
	extension?: number;
	type?: string;
	description?: string;
	languages: HsdsLanguage[];
};

export type HsdsContact = {
	id: string;
	organization_id?: string;
	service_id?: string;
	service_at_location_id?: string;
	location_id?: string;
	name?: string;
	title?: string;
	department?: string;
	email?: string;
	phones: HsdsPhone[];
};

export type HsdsSchedule = {
	id: string;
	service_id?: string;
	location_id?: string;
	service_at_location_id?: string;
	valid_from?: string;
	valid_to?: string;
	dtstart?: string;
	timezone?: number;
	until?: string;
	count?: number;
	wkst?: string;
	freq?: string;
	interval?: number;
	byday?: string;
	byweekno?: string;
	bymonthday?: string;
	byyearday?: string;
	description?: string;
	opens_at?: string;
	closes_at?: string;
	schedule_link?: string;
	attending_type?: string;
	notes?: string;
};

export type HsdsServiceArea = {
	id: string;
	service_id?: string;
	service_at_location_id?: string;
	name?: string;
	description?: string;
	extent?: string;
	extent_type?: string;
	uri?: string;
};

export type HsdsAddress = {
	id: string;
	location_id?: string;
	attention?: string;
	address_1: string;
	address_2?: string;
	city: string;
	region?: string;
	state_province: string;
	postal_code: string;
	country: string;
	address_type: 'physical' | 'postal' | 'virtual';
};

export type HsdsAccessibility = { id: string; location_id?: string; description?: string; details?: string; url?: string };

export type HsdsLocation = {
	id: string;
	location_type: 'physical' | 'postal' | 'virtual';
	url?: string;
	organization_id?: string;
	name?: string;
	alternate_name?: string;
	description?: string;
	transportation?: string;
	latitude?: number;
	longitude?: number;
	external_identifier?: string;
	external_identifier_type?: string;
	/** extension: municipio (1-9) and NIL of Milan, computed from the coordinates */
	x_municipio?: number;
	x_nil_id?: number;
	x_nil_name?: string;
};

export type HsdsNestedLocation = HsdsLocation & {
	languages: HsdsLanguage[];
	addresses: HsdsAddress[];
	contacts: HsdsContact[];
	accessibility: HsdsAccessibility[];
	phones: HsdsPhone[];
	schedules: HsdsSchedule[];
};

export type HsdsTaxonomy = { id: string; name: string; description: string; uri?: string; version?: string };

export type HsdsTaxonomyTerm = {
	id: string;
	code?: string;
	name: string;
	description: string;
	parent_id?: string;
	taxonomy?: string;
	taxonomy_id?: string;
	taxonomy_detail?: HsdsTaxonomy;
	language?: string;
	term_uri?: string;
};

export type HsdsAttribute = {
	id: string;
	link_id: string;
	taxonomy_term_id: string;
	link_type?: string;
	link_entity: string;
	value?: string;
	label?: string;
	taxonomy_term: HsdsTaxonomyTerm;
};

export type HsdsCostOption = {
	id: string;
	service_id: string;
	valid_from?: string;
	valid_to?: string;
	option?: string;
	currency?: string;
	amount?: number;
	amount_description?: string;
};

export type HsdsRequiredDocument = { id: string; service_id?: string; document?: string; uri?: string };

/** An organization's one-to-one fields (the `organization_list` form). */
export type HsdsOrganization = {
	id: string;
	name: string;
	alternate_name?: string;
	description: string;
	email?: string;
	website?: string;
	tax_status?: string;
	tax_id?: string;
	year_incorporated?: number;
	legal_status?: string;
	logo?: string;
	uri?: string;
	parent_organization_id?: string;
};

/** A service's one-to-one fields with its organization (the `service_list` form). */
export type HsdsServiceSummary = {
	id: string;
	organization_id: string;
	program_id?: string;
	name: string;
	alternate_name?: string;
	description: string;
	url?: string;
	email?: string;
	status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
	interpretation_services?: string;
	application_process?: string;
	fees_description?: string;
	wait_time?: string;
	accreditations?: string;
	eligibility_description?: string;
	minimum_age?: number;
	maximum_age?: number;
	assured_date?: string;
	assurer_email?: string;
	licenses?: string;
	alert?: string;
	/** The latest change of the service, its organization or one of its locations. */
	last_modified: string;
	organization: HsdsOrganization;
	x_slug: string;
	x_audience_description?: string;
	x_how_to_access?: string;
	x_what_you_need?: string;
	x_what_you_get?: string;
	x_timing?: string;
	x_channel: 'physical' | 'digital' | 'both';
	x_keywords: string[];
	x_source?: string;
	x_curated: boolean;
};

export type HsdsServiceAtLocation = {
	id: string;
	service_id: string;
	location_id: string;
	description?: string;
	service_areas: HsdsServiceArea[];
	contacts: HsdsContact[];
	phones: HsdsPhone[];
	schedules: HsdsSchedule[];
	location: HsdsNestedLocation;
};

/** The fully nested service of `GET /services/{id}`. */
export type HsdsService = HsdsServiceSummary & {
	phones: HsdsPhone[];
	schedules: HsdsSchedule[];
	service_areas: HsdsServiceArea[];
	service_at_locations: HsdsServiceAtLocation[];
	languages: HsdsLanguage[];
	cost_options: HsdsCostOption[];
	required_documents: HsdsRequiredDocument[];
	contacts: HsdsContact[];
	attributes: HsdsAttribute[];
};
