import { describe, expect, it } from 'vitest';
import {
	DEFAULT_PER_PAGE,
	MAX_MINIMAL_PER_PAGE,
	MAX_PROXIMITY_METERS,
	parseOrganizationQuery,
	parseServiceAtLocationsQuery,
	parseServicesQuery,
	parseTaxonomyTermsQuery
} from './inputs.ts';

const q = (query: string) => new URLSearchParams(query);
const UUID = '2f1c7a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describe('HSDS API parameters', () => {
	it('defaults: page 1, 50 per page, nothing filtered', () => {
		expect(parseServicesQuery(q(''))).toEqual({
			ok: true,
			value: {
				page: 1,
				perPage: DEFAULT_PER_PAGE,
				search: null,
				taxonomyTermId: null,
				taxonomyId: null,
				organizationId: null,
				modifiedAfter: null,
				minimal: false,
				full: false
			}
		});
	});

	it('reads every service parameter, empty ones as absent', () => {
		const parsed = parseServicesQuery(
			q(`search=+asilo+&page=2&per_page=10&taxonomy_term_id=${UUID.toUpperCase()}&organization_id=&modified_after=2026-11-01T08:00:00Z&full=true&format=json`)
		);
		expect(parsed).toMatchObject({
			ok: true,
			value: { search: 'asilo', page: 2, perPage: 10, taxonomyTermId: UUID, organizationId: null, full: true }
		});
		expect(parsed.ok && parsed.value.modifiedAfter?.toISOString()).toBe('2026-11-01T08:00:00.000Z');
	});

	it('lets `minimal` ask for every service in one page', () => {
		expect(parseServicesQuery(q('minimal=1'))).toMatchObject({ ok: true, value: { minimal: true, perPage: MAX_MINIMAL_PER_PAGE } });
		expect(parseServicesQuery(q('minimal=true&full=true'))).toMatchObject({ ok: true, value: { minimal: true, full: false } });
		expect(parseServicesQuery(q('per_page=1000'))).toMatchObject({ ok: false, error: { field: 'per_page' } });
	});

	it.each([
		['page=0', 'page'],
		['page=abc', 'page'],
		['per_page=101', 'per_page'],
		['per_page=-1', 'per_page'],
		['taxonomy_term_id=42', 'taxonomy_term_id'],
		['organization_id=x%27%20OR%201=1', 'organization_id'],
		['modified_after=ieri', 'modified_after'],
		['modified_after=2026-13-45', 'modified_after'],
		['full=forse', 'full'],
		['format=ndjson', 'format']
	])('rejects %s with a message naming %s', (query, field) => {
		const parsed = parseServicesQuery(q(query));
		expect(parsed).toMatchObject({ ok: false, error: { field } });
		expect(!parsed.ok && parsed.error.message).toMatch(new RegExp(field));
	});

	it('reads the place parameters of services at locations', () => {
		expect(parseServiceAtLocationsQuery(q('postcode=20132&proximity=500'))).toMatchObject({
			ok: true,
			value: { postcode: '20132', proximityMeters: 500 }
		});
		expect(parseServiceAtLocationsQuery(q('postcode=20132&proximity=900000'))).toMatchObject({
			ok: true,
			value: { proximityMeters: MAX_PROXIMITY_METERS }
		});
		expect(parseServiceAtLocationsQuery(q('proximity=500'))).toMatchObject({ ok: false, error: { field: 'proximity' } });
		expect(parseServiceAtLocationsQuery(q('postcode=20132&proximity=0'))).toMatchObject({ ok: false, error: { field: 'proximity' } });
		expect(parseServiceAtLocationsQuery(q('postcode=%3Cscript%3E'))).toMatchObject({ ok: false, error: { field: 'postcode' } });
	});

	it('reads the taxonomy term and organization parameters', () => {
		expect(parseTaxonomyTermsQuery(q(`top_only=true&parent_id=${UUID}`))).toMatchObject({
			ok: true,
			value: { topOnly: true, parentId: UUID }
		});
		expect(parseTaxonomyTermsQuery(q('parent_id=scuola'))).toMatchObject({ ok: false, error: { field: 'parent_id' } });
		expect(parseOrganizationQuery(q('full_service=1'))).toEqual({ ok: true, value: { fullService: true } });
		expect(parseOrganizationQuery(q('full_service=si'))).toMatchObject({ ok: false, error: { field: 'full_service' } });
	});
});
