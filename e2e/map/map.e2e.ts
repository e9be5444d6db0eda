/**
 * /mappa with JavaScript, tiles blocked (no internet in the e2e tier): the municipi still draw
 * the city, the markers and clusters come from /api/map, the list is /cerca's, and the map works
 * with the keyboard alone.
 */
import { expect, test } from 'vitest';
import { getJson } from '../support/app.ts';
import { useBrowser } from '../support/browser.ts';
import { main, navigate, open, resultCount, resultHrefs } from '../support/portal.ts';
import { applyFirstMunicipio, markers, offlinePage, searchIds, waitForMap } from './support.ts';

const session = useBrowser();
const AREA = 'area=sostegno-a-casa';

type Collection = {
	type: string;
	clustered: boolean;
	total_in_view: number;
	features: { properties: { cluster: boolean; service_id?: string; url?: string; point_count?: number } }[];
};

test('/mappa?area=sostegno-a-casa draws the municipi without tiles, clusters, and lists what /cerca lists', async () => {
	const { page, blocked } = await offlinePage(session);
	await open(page, `/mappa?${AREA}`);
	await waitForMap(page);
	expect(blocked.some((url) => url.includes('tile.openstreetmap.org')), 'the map asked for the configured tiles').toBe(true);
	await expect.poll(() => page.locator('.map-notice').innerText()).toMatch(/sfondo della mappa non è disponibile/);
	// the whole city at its first zoom groups the services
	expect(await page.locator('.map-canvas .map-cluster').count()).toBeGreaterThan(0);
	for (const n of [1, 5, 9]) {
		expect(await page.locator('.map-canvas .map-municipio-label', { hasText: `Municipio ${n}` }).count()).toBe(1);
	}

	const mapCount = await resultCount(page);
	const mapList = await resultHrefs(page);
	await open(page, `/cerca?${AREA}`);
	expect(await resultCount(page)).toBe(mapCount);
	expect(await resultHrefs(page)).toEqual(mapList);
	expect(mapList.length).toBeGreaterThan(0);
});

test("/api/map's places belong to the services /api/search finds, and cover the located ones", async () => {
	const search = await searchIds(AREA);
	expect(search.total).toBeGreaterThan(5);
	const found = new Set(search.ids);
	// past the last zoom with clusters, the whole city shows every place
	const { status, body } = await getJson(`/api/map?${AREA}&zoom=18`);
	expect(status).toBe(200);
	const all = body as Collection;
	expect(all.clustered).toBe(false);
	const onMap = new Set(all.features.map((f) => f.properties.service_id!));
	for (const id of onMap) expect(found.has(id), `${id} is on the map but not in the search`).toBe(true);
	// services without coordinates are in the list only
	expect(onMap.size).toBeGreaterThan(search.total * 0.5);

	const city = (await getJson(`/api/map?${AREA}&zoom=11`)).body as Collection;
	expect(city.type).toBe('FeatureCollection');
	expect(city.total_in_view).toBe(all.total_in_view);
	const counted = city.features.reduce((n, f) => n + (f.properties.cluster ? f.properties.point_count! : 1), 0);
	expect(counted).toBe(all.features.length);
});

test('the map with the keyboard alone: a cluster zooms in on Enter, a marker opens its popup, the popup links to the service', async () => {
	const { page } = await offlinePage(session);
	const zooms: number[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/api/map?')) zooms.push(Number(new URL(r.url()).searchParams.get('zoom')));
	});
	await open(page, `/mappa?${AREA}`);
	await waitForMap(page);
	expect(zooms.length).toBeGreaterThan(0);
	const first = zooms.at(-1)!;

	const cluster = page.locator('.map-canvas .map-cluster').first();
	await expect.poll(() => cluster.count()).toBeGreaterThan(0);
	await cluster.focus();
	expect(await cluster.getAttribute('role')).toBe('button');
	expect(await cluster.getAttribute('aria-label')).toMatch(/Gruppo di \d+ servizi/);
	await page.keyboard.press('Enter');
	// zoomed in (the map asks for its places at a closer zoom), and focus stayed on the map
	await expect.poll(() => zooms.at(-1)!, { timeout: 20_000 }).toBeGreaterThan(first);
	await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('map-canvas') ?? false)).toBe(true);

	// keep zooming into groups until single places show, then Tab to one
	for (let i = 0; i < 8 && (await page.locator('.map-canvas .map-pin').count()) === 0; i++) {
		const next = page.locator('.map-canvas .map-cluster').first();
		await next.focus();
		await page.keyboard.press('Enter');
		await page.waitForLoadState('networkidle');
	}
	const pin = page.locator('.map-canvas .map-pin').first();
	await expect.poll(() => pin.count(), { timeout: 20_000 }).toBeGreaterThan(0);
	await page.locator('.map-canvas').focus();
	let reached = false;
	for (let i = 0; i < 60 && !reached; i++) {
		await page.keyboard.press('Tab');
		reached = await page.evaluate(() => document.activeElement?.classList.contains('map-pin') ?? false);
	}
	expect(reached, 'Tab reaches a single place').toBe(true);
	expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/premi Invio per i dettagli/);
	await page.keyboard.press('Enter');
	const link = page.locator('.leaflet-popup .map-popup-name');
	await expect.poll(() => link.count()).toBe(1);
	const href = await link.getAttribute('href');
	expect(href).toMatch(/^\/servizi\/[a-z0-9-]+$/);
	await link.focus();
	await Promise.all([page.waitForURL((url) => url.pathname === href), page.keyboard.press('Enter')]);
	expect(await main(page).locator('h1').innerText()).not.toBe('');
});

test('a filter applied on /mappa stays on /mappa and redraws the map', async () => {
	const { page } = await offlinePage(session);
	await open(page, `/mappa?${AREA}`);
	await waitForMap(page);
	const before = await resultCount(page);
	const asked: URL[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/api/map?')) asked.push(new URL(r.url()));
	});
	const municipio = await applyFirstMunicipio(page);
	await waitForMap(page);
	const last = asked.at(-1)!;
	expect(last.searchParams.get('municipio')).toBe(municipio);
	expect(last.searchParams.get('area')).toBe('sostegno-a-casa');
	expect(await resultCount(page)).toBeLessThan(before);
	expect(await markers(page).count()).toBeGreaterThan(0);
});

test('"Vicino a me" and a typed address lead to the map around that point, on /mappa', async () => {
	const { page } = await offlinePage(session, {
		geolocation: { latitude: 45.4781, longitude: 9.2269 },
		permissions: ['geolocation']
	});
	const asked: URL[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/api/map?')) asked.push(new URL(r.url()));
	});
	// schools are everywhere: there are some within 2 km of any point of the city
	await open(page, '/mappa?q=scuola');
	await waitForMap(page);
	const me = page.locator('#search-place-me');
	await expect.poll(() => me.isVisible()).toBe(true);
	await navigate(page, () => me.click(), (url) => url.pathname === '/mappa' && url.searchParams.get('near') === '45.47810,9.22690');
	expect(new URL(page.url()).searchParams.get('q')).toBe('scuola');
	await waitForMap(page);
	expect(asked.at(-1)!.searchParams.get('near')).toMatch(/^45\.4781\d*,9\.2269/);
	expect(Number(asked.at(-1)!.searchParams.get('zoom'))).toBeGreaterThanOrEqual(14);

	const place = page.locator('#search-place');
	await place.fill('Via Padova 36');
	await navigate(page, () => place.press('Enter'), (url) => url.pathname === '/mappa' && url.searchParams.get('vicino') === 'Via Padova 36');
	await waitForMap(page);
	const near = asked.at(-1)!.searchParams.get('near');
	expect(near, 'the address was geocoded on the server into the map\'s search').toMatch(/^45\.4\d+,9\.2\d+$/);
	expect(await resultCount(page)).toBeGreaterThanOrEqual(0);
});
