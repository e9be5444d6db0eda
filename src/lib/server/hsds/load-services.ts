/**
 * Fully nested HSDS services for a set of ids in a fixed number of queries (four rounds,
 * thirteen statements), however many services are asked for: the API's pages, `GET
 * /services/{id}` and the exports all go through here.
 */
import { and, asc, eq, or, sql, type Column } from 'drizzle-orm';
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
	taxonomyTerm
} from '../db/schema/index.ts';
import {
	compact,
	locationToHsds,
	organizationToHsds,
	rowToHsds,
	serviceColumns,
	serviceSummaryToHsds,
	taxonomyTermToHsds
} from './serialize.ts';
import type {
	HsdsAccessibility,
	HsdsAddress,
	HsdsAttribute,
	HsdsContact,
	HsdsCostOption,
	HsdsLanguage,
	HsdsNestedLocation,
	HsdsPhone,
	HsdsRequiredDocument,
	HsdsSchedule,
	HsdsService,
	HsdsServiceArea,
	HsdsServiceAtLocation
} from './types.ts';

/**
 * `column = ANY('{…}'::uuid[])`: one parameter however many ids (an organization's services, or
 * the matches of a search, can outnumber PostgreSQL's 65,535 parameters per statement). The ids
 * are UUIDs read from the database or checked at the boundary; an empty list matches nothing.
 */
export const isAnyOf = (column: Column, ids: readonly string[]) =>
	sql`${column} = ANY(${`{${ids.join(',')}}`}::uuid[])`;

/** Lists by parent id. */
class Grouped<T> {
	readonly #lists = new Map<string, T[]>();
	add(parentId: string, item: T) {
		const list = this.#lists.get(parentId);
		if (list) list.push(item);
		else this.#lists.set(parentId, [item]);
	}
	get(parentId: string): T[] {
		return this.#lists.get(parentId) ?? [];
	}
}

/** The nearest parent a row hangs from, in the order given (a contact's phone before the service). */
const parentOf = (...candidates: (string | null)[]) => candidates.find((c) => c != null) ?? null;

/** The services with these ids, fully nested, in the order of `ids` (unknown ids are skipped). */
export async function loadHsdsServices(db: DbOrTx, ids: readonly string[]): Promise<HsdsService[]> {
	if (ids.length === 0) return [];
	const serviceIds = [...new Set(ids)];

	const [serviceRows, salRows] = await Promise.all([
		db
			.select({ service: serviceColumns, organization })
			.from(service)
			.innerJoin(organization, eq(organization.id, service.organizationId))
			.where(isAnyOf(service.id, serviceIds)),
		db.select().from(serviceAtLocation).where(isAnyOf(serviceAtLocation.serviceId, serviceIds)).orderBy(asc(serviceAtLocation.id))
	]);
	const salIds = salRows.map((s) => s.id);
	const locationIds = [...new Set(salRows.map((s) => s.locationId))];

	const ofService = <T extends { serviceId: unknown }>(t: T) => isAnyOf(t.serviceId as typeof service.id, serviceIds);
	const [locationRows, addressRows, accessRows, contactRows, scheduleRows, areaRows, costRows, documentRows, attributeRows] =
		await Promise.all([
			db.select().from(location).where(isAnyOf(location.id, locationIds)),
			db.select().from(address).where(isAnyOf(address.locationId, locationIds)).orderBy(asc(address.id)),
			db.select().from(accessibility).where(isAnyOf(accessibility.locationId, locationIds)).orderBy(asc(accessibility.id)),
			db
				.select()
				.from(contact)
				.where(
					or(
						ofService(contact),
						isAnyOf(contact.serviceAtLocationId, salIds),
						isAnyOf(contact.locationId, locationIds)
					)
				)
				.orderBy(asc(contact.id)),
			db
				.select()
				.from(schedule)
				.where(
					or(
						ofService(schedule),
						isAnyOf(schedule.serviceAtLocationId, salIds),
						isAnyOf(schedule.locationId, locationIds)
					)
				)
				.orderBy(asc(schedule.id)),
			db
				.select()
				.from(serviceArea)
				.where(or(ofService(serviceArea), isAnyOf(serviceArea.serviceAtLocationId, salIds)))
				.orderBy(asc(serviceArea.id)),
			db.select().from(costOption).where(ofService(costOption)).orderBy(asc(costOption.id)),
			db.select().from(requiredDocument).where(ofService(requiredDocument)).orderBy(asc(requiredDocument.id)),
			db
				.select({ attribute, term: taxonomyTerm, taxonomy })
				.from(attribute)
				.innerJoin(taxonomyTerm, eq(taxonomyTerm.id, attribute.taxonomyTermId))
				.leftJoin(taxonomy, eq(taxonomy.id, taxonomyTerm.taxonomyId))
				.where(and(eq(attribute.linkEntity, 'service'), isAnyOf(attribute.linkId, serviceIds)))
				.orderBy(asc(attribute.id))
		]);
	const contactIds = contactRows.map((c) => c.id);

	const phoneRows = await db
		.select()
		.from(phone)
		.where(
			or(
				ofService(phone),
				isAnyOf(phone.serviceAtLocationId, salIds),
				isAnyOf(phone.locationId, locationIds),
				isAnyOf(phone.contactId, contactIds)
			)
		)
		.orderBy(asc(phone.id));
	const languageRows = await db
		.select()
		.from(language)
		.where(
			or(
				ofService(language),
				isAnyOf(language.locationId, locationIds),
				isAnyOf(
					language.phoneId,
					phoneRows.map((p) => p.id)
				)
			)
		)
		.orderBy(asc(language.id));

	// Children under their nearest parent.
	const languages = new Grouped<HsdsLanguage>();
	for (const l of languageRows) {
		const parent = parentOf(l.phoneId, l.locationId, l.serviceId);
		if (parent) languages.add(parent, rowToHsds(language, l));
	}
	const phones = new Grouped<HsdsPhone>();
	for (const p of phoneRows) {
		const parent = parentOf(p.contactId, p.serviceAtLocationId, p.locationId, p.serviceId);
		if (parent) phones.add(parent, { ...rowToHsds<Omit<HsdsPhone, 'languages'>>(phone, p), languages: languages.get(p.id) });
	}
	const contacts = new Grouped<HsdsContact>();
	for (const c of contactRows) {
		const parent = parentOf(c.serviceAtLocationId, c.locationId, c.serviceId);
		if (parent) contacts.add(parent, { ...rowToHsds<Omit<HsdsContact, 'phones'>>(contact, c), phones: phones.get(c.id) });
	}
	const schedules = new Grouped<HsdsSchedule>();
	for (const s of scheduleRows) {
		const parent = parentOf(s.serviceAtLocationId, s.locationId, s.serviceId);
		if (parent) schedules.add(parent, rowToHsds(schedule, s));
	}
	const areas = new Grouped<HsdsServiceArea>();
	for (const a of areaRows) {
		const parent = parentOf(a.serviceAtLocationId, a.serviceId);
		if (parent) areas.add(parent, rowToHsds(serviceArea, a));
	}
	const addresses = new Grouped<HsdsAddress>();
	for (const a of addressRows) if (a.locationId) addresses.add(a.locationId, rowToHsds(address, a));
	const access = new Grouped<HsdsAccessibility>();
	for (const a of accessRows) if (a.locationId) access.add(a.locationId, rowToHsds(accessibility, a));
	const costs = new Grouped<HsdsCostOption>();
	for (const c of costRows) costs.add(c.serviceId, rowToHsds(costOption, c));
	const documents = new Grouped<HsdsRequiredDocument>();
	for (const d of documentRows) if (d.serviceId) documents.add(d.serviceId, rowToHsds(requiredDocument, d));
	const attributes = new Grouped<HsdsAttribute>();
	for (const { attribute: a, term, taxonomy: detail } of attributeRows) {
		attributes.add(
			a.linkId,
			compact({
				id: a.id,
				link_id: a.linkId,
				taxonomy_term_id: a.taxonomyTermId,
				link_type: a.linkType,
				link_entity: a.linkEntity,
				value: a.value,
				label: a.label,
				taxonomy_term: taxonomyTermToHsds(term, detail)
			})
		);
	}

	const locations = new Map(
		locationRows.map((l): [string, { row: typeof l; hsds: HsdsNestedLocation }] => [
			l.id,
			{
				row: l,
				hsds: {
					...locationToHsds(l),
					languages: languages.get(l.id),
					addresses: addresses.get(l.id),
					contacts: contacts.get(l.id),
					accessibility: access.get(l.id),
					phones: phones.get(l.id),
					schedules: schedules.get(l.id)
				}
			}
		])
	);
	const sals = new Grouped<{ updatedAt: Date; hsds: HsdsServiceAtLocation }>();
	for (const sal of salRows) {
		const place = locations.get(sal.locationId)!;
		sals.add(sal.serviceId, {
			updatedAt: place.row.updatedAt,
			hsds: {
				...compact({ id: sal.id, service_id: sal.serviceId, location_id: sal.locationId, description: sal.description }),
				service_areas: areas.get(sal.id),
				contacts: contacts.get(sal.id),
				phones: phones.get(sal.id),
				schedules: schedules.get(sal.id),
				location: place.hsds
			}
		});
	}

	const byId = new Map(
		serviceRows.map(({ service: s, organization: o }) => {
			const places = sals.get(s.id);
			const lastModified = new Date(
				Math.max(s.updatedAt.getTime(), o.updatedAt.getTime(), ...places.map((p) => p.updatedAt.getTime()))
			);
			const nested: HsdsService = {
				...serviceSummaryToHsds(s, organizationToHsds(o), lastModified),
				phones: phones.get(s.id),
				schedules: schedules.get(s.id),
				service_areas: areas.get(s.id),
				service_at_locations: places.map((p) => p.hsds),
				languages: languages.get(s.id),
				cost_options: costs.get(s.id),
				required_documents: documents.get(s.id),
				contacts: contacts.get(s.id),
				attributes: attributes.get(s.id)
			};
			return [s.id, nested] as const;
		})
	);
	return serviceIds.flatMap((id) => byId.get(id) ?? []);
}
