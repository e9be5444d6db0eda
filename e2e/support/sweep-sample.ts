/**
 * Which sitemap pages the accessibility sweep visits. Loading a page and running axe takes about
 * 0.55 s (two at a time) to 1.6 s (on a busy machine) per page on 2 cores,
 * so the ~2,800 pages of the demo sitemap would take 25 to 75 minutes: by default
 * the sweep visits every page that is not a service or an organization, plus a deterministic
 * sample of services and organizations that covers every area and sub-category and every data
 * source. E2E_FULL_SWEEP=1 visits them all. See e2e/README.md for the timings.
 */
import { inject } from 'vitest';

export type SweepSample = { services: string[]; organizations: string[] };

declare module 'vitest' {
	export interface ProvidedContext {
		sweepSample: SweepSample;
	}
}

/** A spread of pages chosen by hash, on top of the coverage of areas and sources. */
const SPREAD = 100;

/**
 * The sample, read from the seeded database before the server opens it (PGlite allows one
 * process at a time). Runs in the global setup.
 */
export async function computeSweepSample(dataDir: string): Promise<SweepSample> {
	const { openDatabase } = await import('#lib/server/db/client.ts');
	const { readDatabaseConfig } = await import('#lib/server/config.ts');
	const { sql } = await import('drizzle-orm');
	const database = await openDatabase(readDatabaseConfig({ ...process.env, PGLITE_DIR: dataDir }));
	const rowsOf = (result: unknown) =>
		(Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { slug: string }[];
	try {
		// md5 orders deterministically without favouring the alphabet's first letters
		const services = rowsOf(
			await database.db.execute(sql`
				with active as (
					select id, slug, source, organization_id from service where status = 'active'
				),
				by_term as (
					select a.slug, row_number() over (partition by t.code order by md5(a.slug)) as rank
					from active a
					join attribute at on at.link_entity = 'service' and at.link_id = a.id
					join taxonomy_term t on t.id = at.taxonomy_term_id
					where t.taxonomy = 'aree-di-bisogno'
				),
				by_source as (
					select slug, row_number() over (partition by coalesce(source, '') order by md5(slug)) as rank
					from active
				),
				spread as (select slug from active order by md5(slug) limit ${SPREAD})
				select slug from by_term where rank = 1
				union select slug from by_source where rank <= 2
				union select slug from spread
				order by slug`)
		);
		const organizations = rowsOf(
			await database.db.execute(sql`
				with active as (select organization_id, source, slug from service where status = 'active'),
				by_source as (
					select o.slug, row_number() over (partition by coalesce(a.source, '') order by md5(o.slug)) as rank
					from active a join organization o on o.id = a.organization_id
				),
				spread as (select slug from organization order by md5(slug) limit ${SPREAD})
				select slug from by_source where rank <= 2
				union select slug from spread
				order by slug`)
		);
		return {
			services: services.map((row) => `/servizi/${encodeURIComponent(row.slug)}`),
			organizations: organizations.map((row) => `/enti/${encodeURIComponent(row.slug)}`)
		};
	} finally {
		await database.close();
	}
}

const isDetailPage = (path: string) => path.startsWith('/servizi/') || path.startsWith('/enti/');

export function selectSweepPages(sitemap: string[]): { urls: string[]; description: string } {
	if (process.env.E2E_FULL_SWEEP === '1') {
		return { urls: sitemap, description: `all ${sitemap.length} sitemap pages (E2E_FULL_SWEEP=1)` };
	}
	const sample = inject('sweepSample');
	const wanted = new Set([...sample.services, ...sample.organizations]);
	const urls = sitemap.filter((url) => {
		const path = new URL(url).pathname;
		return !isDetailPage(path) || wanted.has(path);
	});
	const details = urls.filter((url) => isDetailPage(new URL(url).pathname)).length;
	const all = sitemap.filter((url) => isDetailPage(new URL(url).pathname)).length;
	return {
		urls,
		description:
			`${urls.length} of ${sitemap.length} sitemap pages: every page but services and organizations, ` +
			`and ${details} of ${all} services and organizations covering every area, sub-category and source; ` +
			'E2E_FULL_SWEEP=1 visits all'
	};
}
