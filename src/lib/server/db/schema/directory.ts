/**
 * The directory, shaped as Open Referral HSDS 3.1 tables (singular, snake_case, UUID ids).
 * Columns HSDS lacks but Italian service pages need are marked "extension" and never
 * replace an HSDS field.
 */
import {
	boolean,
	customType,
	date,
	doublePrecision,
	index,
	integer,
	numeric,
	pgTable,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { municipio, nil } from './places.ts';

/** Full-text document of a service, maintained by refreshSearchDocuments() (see search/). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const timestamps = {
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
};

export const organization = pgTable(
	'organization',
	{
		id: uuid('id').primaryKey(),
		name: text('name').notNull(),
		alternateName: text('alternate_name'),
		description: text('description').notNull().default(''),
		email: text('email'),
		website: text('website'),
		taxStatus: text('tax_status'),
		taxId: text('tax_id'),
		yearIncorporated: integer('year_incorporated'),
		legalStatus: text('legal_status'),
		logo: text('logo'),
		uri: text('uri'),
		parentOrganizationId: uuid('parent_organization_id'),
		// extension: stable Italian URL segment (/enti/<slug>)
		slug: text('slug').notNull(),
		...timestamps
	},
	(t) => [uniqueIndex('organization_slug_key').on(t.slug)]
);

export const serviceStatuses = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export const serviceChannels = ['physical', 'digital', 'both'] as const;

export const service = pgTable(
	'service',
	{
		id: uuid('id').primaryKey(),
		organizationId: uuid('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'restrict' }),
		programId: uuid('program_id'),
		name: text('name').notNull(),
		alternateName: text('alternate_name'),
		description: text('description').notNull().default(''),
		url: text('url'),
		email: text('email'),
		status: text('status', { enum: serviceStatuses }).notNull().default('active'),
		interpretationServices: text('interpretation_services'),
		applicationProcess: text('application_process'),
		feesDescription: text('fees_description'),
		waitTime: text('wait_time'),
		accreditations: text('accreditations'),
		eligibilityDescription: text('eligibility_description'),
		minimumAge: integer('minimum_age'),
		maximumAge: integer('maximum_age'),
		assuredDate: date('assured_date'),
		assurerEmail: text('assurer_email'),
		licenses: text('licenses'),
		alert: text('alert'),
		// extension: Italian service-page sections ("Modello Comuni")
		slug: text('slug').notNull(),
		audienceDescription: text('audience_description'), // A chi è rivolto
		howToAccess: text('how_to_access'), // Come fare
		whatYouNeed: text('what_you_need'), // Cosa serve
		whatYouGet: text('what_you_get'), // Cosa si ottiene
		timing: text('timing'), // Tempi e scadenze
		channel: text('channel', { enum: serviceChannels }).notNull().default('physical'),
		// extension: derived from cost options / fees at write time so the "gratuito" filter is an index lookup
		freeOfCharge: boolean('free_of_charge'),
		keywords: text('keywords').array().notNull().default([]),
		// extension: provenance of the record (open dataset id, "curated", an import source)
		source: text('source'),
		curated: boolean('curated').notNull().default(false),
		searchDocument: tsvector('search_document'),
		...timestamps
	},
	(t) => [
		uniqueIndex('service_slug_key').on(t.slug),
		index('service_search_document_idx').using('gin', t.searchDocument),
		index('service_organization_id_idx').on(t.organizationId),
		index('service_status_idx').on(t.status)
	]
);

export const location = pgTable(
	'location',
	{
		id: uuid('id').primaryKey(),
		locationType: text('location_type', { enum: ['physical', 'postal', 'virtual'] })
			.notNull()
			.default('physical'),
		url: text('url'),
		organizationId: uuid('organization_id').references(() => organization.id, {
			onDelete: 'set null'
		}),
		name: text('name'),
		alternateName: text('alternate_name'),
		description: text('description'),
		transportation: text('transportation'),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		externalIdentifier: text('external_identifier'),
		externalIdentifierType: text('external_identifier_type'),
		// extension: computed from the coordinates by point-in-polygon on the city's boundaries
		municipio: smallint('municipio').references(() => municipio.number),
		nilId: smallint('nil_id').references(() => nil.id),
		nilName: text('nil_name'),
		...timestamps
	},
	(t) => [index('location_municipio_idx').on(t.municipio), index('location_nil_id_idx').on(t.nilId)]
);

export const serviceAtLocation = pgTable(
	'service_at_location',
	{
		id: uuid('id').primaryKey(),
		serviceId: uuid('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'cascade' }),
		locationId: uuid('location_id')
			.notNull()
			.references(() => location.id, { onDelete: 'cascade' }),
		description: text('description')
	},
	(t) => [
		index('service_at_location_service_id_idx').on(t.serviceId),
		index('service_at_location_location_id_idx').on(t.locationId)
	]
);

export const address = pgTable(
	'address',
	{
		id: uuid('id').primaryKey(),
		locationId: uuid('location_id').references(() => location.id, { onDelete: 'cascade' }),
		attention: text('attention'),
		address1: text('address_1').notNull(),
		address2: text('address_2'),
		city: text('city').notNull(),
		region: text('region'),
		stateProvince: text('state_province').notNull(),
		postalCode: text('postal_code').notNull(),
		country: text('country').notNull(),
		addressType: text('address_type', { enum: ['physical', 'postal', 'virtual'] })
			.notNull()
			.default('physical')
	},
	(t) => [index('address_location_id_idx').on(t.locationId)]
);

export const contact = pgTable(
	'contact',
	{
		id: uuid('id').primaryKey(),
		organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'cascade' }),
		serviceId: uuid('service_id').references(() => service.id, { onDelete: 'cascade' }),
		serviceAtLocationId: uuid('service_at_location_id').references(() => serviceAtLocation.id, {
			onDelete: 'cascade'
		}),
		locationId: uuid('location_id').references(() => location.id, { onDelete: 'cascade' }),
		name: text('name'),
		title: text('title'),
		department: text('department'),
		email: text('email')
	},
	// every parent of a contact is a cascade target: replacing a service's children scans by these
	(t) => [
		index('contact_service_id_idx').on(t.serviceId),
		index('contact_location_id_idx').on(t.locationId),
		index('contact_service_at_location_id_idx').on(t.serviceAtLocationId)
	]
);

export const phone = pgTable(
	'phone',
	{
		id: uuid('id').primaryKey(),
		locationId: uuid('location_id').references(() => location.id, { onDelete: 'cascade' }),
		serviceId: uuid('service_id').references(() => service.id, { onDelete: 'cascade' }),
		organizationId: uuid('organization_id').references(() => organization.id, {
			onDelete: 'cascade'
		}),
		contactId: uuid('contact_id').references(() => contact.id, { onDelete: 'cascade' }),
		serviceAtLocationId: uuid('service_at_location_id').references(() => serviceAtLocation.id, {
			onDelete: 'cascade'
		}),
		number: text('number').notNull(),
		extension: integer('extension'),
		type: text('type'),
		description: text('description')
	},
	(t) => [
		index('phone_service_id_idx').on(t.serviceId),
		index('phone_location_id_idx').on(t.locationId),
		index('phone_contact_id_idx').on(t.contactId),
		index('phone_service_at_location_id_idx').on(t.serviceAtLocationId)
	]
);

export const schedule = pgTable(
	'schedule',
	{
		id: uuid('id').primaryKey(),
		serviceId: uuid('service_id').references(() => service.id, { onDelete: 'cascade' }),
		locationId: uuid('location_id').references(() => location.id, { onDelete: 'cascade' }),
		serviceAtLocationId: uuid('service_at_location_id').references(() => serviceAtLocation.id, {
			onDelete: 'cascade'
		}),
		validFrom: date('valid_from'),
		validTo: date('valid_to'),
		dtstart: date('dtstart'),
		timezone: numeric('timezone'),
		until: date('until'),
		count: integer('count'),
		wkst: text('wkst'),
		freq: text('freq'),
		interval: integer('interval'),
		byday: text('byday'),
		byweekno: text('byweekno'),
		bymonthday: text('bymonthday'),
		byyearday: text('byyearday'),
		description: text('description'),
		opensAt: text('opens_at'),
		closesAt: text('closes_at'),
		scheduleLink: text('schedule_link'),
		attendingType: text('attending_type'),
		notes: text('notes')
	},
	(t) => [
		index('schedule_service_id_idx').on(t.serviceId),
		index('schedule_location_id_idx').on(t.locationId)
	]
);

export const costOption = pgTable(
	'cost_option',
	{
		id: uuid('id').primaryKey(),
		serviceId: uuid('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'cascade' }),
		validFrom: date('valid_from'),
		validTo: date('valid_to'),
		option: text('option'),
		currency: text('currency'),
		amount: numeric('amount'),
		amountDescription: text('amount_description')
	},
	(t) => [index('cost_option_service_id_idx').on(t.serviceId)]
);

export const language = pgTable(
	'language',
	{
		id: uuid('id').primaryKey(),
		serviceId: uuid('service_id').references(() => service.id, { onDelete: 'cascade' }),
		locationId: uuid('location_id').references(() => location.id, { onDelete: 'cascade' }),
		phoneId: uuid('phone_id').references(() => phone.id, { onDelete: 'cascade' }),
		name: text('name'),
		code: text('code'),
		note: text('note')
	},
	(t) => [
		index('language_service_id_idx').on(t.serviceId),
		index('language_location_id_idx').on(t.locationId),
		index('language_phone_id_idx').on(t.phoneId)
	]
);

export const accessibility = pgTable(
	'accessibility',
	{
		id: uuid('id').primaryKey(),
		locationId: uuid('location_id').references(() => location.id, { onDelete: 'cascade' }),
		description: text('description'),
		details: text('details'),
		url: text('url')
	},
	(t) => [index('accessibility_location_id_idx').on(t.locationId)]
);

export const requiredDocument = pgTable(
	'required_document',
	{
		id: uuid('id').primaryKey(),
		serviceId: uuid('service_id').references(() => service.id, { onDelete: 'cascade' }),
		document: text('document'),
		uri: text('uri')
	},
	(t) => [index('required_document_service_id_idx').on(t.serviceId)]
);

export const serviceArea = pgTable(
	'service_area',
	{
		id: uuid('id').primaryKey(),
		serviceId: uuid('service_id').references(() => service.id, { onDelete: 'cascade' }),
		serviceAtLocationId: uuid('service_at_location_id').references(() => serviceAtLocation.id, {
			onDelete: 'cascade'
		}),
		name: text('name'),
		description: text('description'),
		extent: text('extent'),
		extentType: text('extent_type'),
		uri: text('uri')
	},
	(t) => [
		index('service_area_service_id_idx').on(t.serviceId),
		index('service_area_service_at_location_id_idx').on(t.serviceAtLocationId)
	]
);
