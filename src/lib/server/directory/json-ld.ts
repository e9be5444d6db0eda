/**
 * schema.org GovernmentService description of a service page, for search engines and other
 * machines (embedded as JSON-LD). Pure: built from what getServicePage() returned.
 */
import type { ScheduleLike } from '../../format/opening-hours.ts';
import type { ServicePage } from './queries.ts';

const SCHEMA_DAYS: Record<string, string> = {
	MO: 'https://schema.org/Monday',
	TU: 'https://schema.org/Tuesday',
	WE: 'https://schema.org/Wednesday',
	TH: 'https://schema.org/Thursday',
	FR: 'https://schema.org/Friday',
	SA: 'https://schema.org/Saturday',
	SU: 'https://schema.org/Sunday'
};

/** Public bodies are GovernmentOrganization; associations, cooperatives and companies Organization. */
const PUBLIC_BODY =
	/^(comune|municipio|regione|città metropolitana|citta metropolitana|ats|asst|inps|inail|ministero|prefettura|questura|agenzia|azienda socio|azienda ospedaliera|istituto comprensivo|provincia)\b/i;

type Json = Record<string, unknown>;

const compact = (value: Json): Json =>
	Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length)));

/** Weekly schedules as OpeningHoursSpecification; monthly patterns ("1TH") have no schema.org form and are left out. */
export function toOpeningHoursSpecification(schedules: readonly ScheduleLike[]): Json[] {
	return schedules.flatMap((s) => {
		const days = (s.byday ?? '')
			.split(',')
			.map((d) => d.trim().toUpperCase())
			.filter(Boolean);
		if (!days.length || days.some((d) => !SCHEMA_DAYS[d]) || !s.opensAt || !s.closesAt) return [];
		return [
			compact({
				'@type': 'OpeningHoursSpecification',
				dayOfWeek: days.map((d) => SCHEMA_DAYS[d]),
				opens: s.opensAt.slice(0, 5),
				closes: s.closesAt.slice(0, 5),
				validFrom: s.validFrom,
				validThrough: s.validTo
			})
		];
	});
}

export function buildServiceJsonLd(data: ServicePage, origin: string): Json {
	const { service, organization } = data;
	const pageUrl = `${origin}/servizi/${service.slug}`;
	const schedules = [...data.schedules, ...data.locations.flatMap((l) => l.schedules)];
	const phones = [...data.phones, ...data.locations.flatMap((l) => l.phones)];
	const places = data.locations
		.filter((l) => l.locationType !== 'virtual')
		.map((l) => {
			const a = l.addresses.find((x) => x.addressType === 'physical') ?? l.addresses[0];
			return compact({
				'@type': 'Place',
				name: l.name,
				address: a
					? compact({
							'@type': 'PostalAddress',
							streetAddress: [a.address1, a.address2].filter(Boolean).join(' '),
							postalCode: a.postalCode,
							addressLocality: a.city,
							addressRegion: a.stateProvince,
							addressCountry: a.country
						})
					: null,
				geo:
					l.latitude != null && l.longitude != null
						? { '@type': 'GeoCoordinates', latitude: l.latitude, longitude: l.longitude }
						: null
			});
		});
	const channel = compact({
		'@type': 'ServiceChannel',
		name: service.name,
		serviceUrl: service.url,
		serviceLocation: places.length === 1 ? places[0] : places.length ? places : null,
		servicePhone: phones[0] ? { '@type': 'ContactPoint', telephone: phones[0].number } : null,
		availableLanguage: data.languages.map((l) => l.code ?? l.name).filter(Boolean)
	});
	return compact({
		'@context': 'https://schema.org',
		'@type': 'GovernmentService',
		'@id': pageUrl,
		name: service.name,
		alternateName: service.alternateName,
		description: service.description || null,
		url: pageUrl,
		serviceType: data.areas.map((a) => a.name).join(', ') || null,
		provider: compact({
			'@type': PUBLIC_BODY.test(organization.name) ? 'GovernmentOrganization' : 'Organization',
			name: organization.name,
			url: `${origin}/enti/${organization.slug}`,
			sameAs: organization.website
		}),
		areaServed: { '@type': 'City', name: 'Milano' },
		audience: data.audiences.length
			? { '@type': 'Audience', audienceType: data.audiences.map((a) => a.name).join(', ') }
			: null,
		availableChannel: channel,
		hoursAvailable: toOpeningHoursSpecification(schedules),
		isAccessibleForFree: service.freeOfCharge
	});
}

/** JSON for an inline <script type="application/ld+json">, safe against "</script>" in the data. */
export const serializeJsonLd = (value: Json): string =>
	JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
