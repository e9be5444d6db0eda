import { isOpenNow, todayInRome } from '#lib/format/opening-hours.ts';
import { readPublicOrigin } from '#lib/server/config.ts';
import { getDb } from '#lib/server/db/client.ts';
import { buildServiceJsonLd, serializeJsonLd } from '#lib/server/directory/json-ld.ts';
import { getServicePage } from '#lib/server/directory/queries.ts';
import { rethrowAsHttp } from '#lib/server/http-errors.ts';
import { serviceMapAssets } from '#lib/server/map/service-map-assets.ts';
import type { PageServerLoad } from './$types';

// Plain server-rendered HTML: the page has nothing to hydrate, so it ships no JavaScript
// (the small map of "Dove" is a standalone module: see ServiceMap.svelte).
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = await getDb();
	const record = await getServicePage(db, params.slug, { lang: locals.lang }).catch(rethrowAsHttp);
	// "Open now" is decided here, at request time in Milan, so it is right without JavaScript.
	const now = new Date();
	const schedules = record.schedules.length ? record.schedules : record.locations.flatMap((l) => l.schedules);
	return {
		record,
		openNow: isOpenNow(schedules, now),
		today: todayInRome(now),
		jsonLd: serializeJsonLd(buildServiceJsonLd(record, readPublicOrigin())),
		map: serviceMapAssets()
	};
};
