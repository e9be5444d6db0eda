/** /mappa and the service page without JavaScript: the map page is the list, the service page its links. */
import { expect, test } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.ts';
import { useBrowser } from '../support/browser.ts';
import { main, open, resultCount, resultHrefs } from '../support/portal.ts';
import { applyFirstMunicipio } from './support.ts';

const session = useBrowser({ javaScriptEnabled: false });

test('/mappa without JavaScript is the list of /cerca, with a note and no map', async () => {
	const page = await session.newPage();
	await open(page, '/mappa?area=sostegno-a-casa');
	expect(await page.locator('.leaflet-container, .map-canvas').count()).toBe(0);
	expect(await main(page).innerText()).toMatch(/La mappa ha bisogno di JavaScript/);
	const count = await resultCount(page);
	const list = await resultHrefs(page);
	expect(list.length).toBeGreaterThan(0);
	await expectNoAxeViolations(page);

	await open(page, '/cerca?area=sostegno-a-casa');
	expect(await resultCount(page)).toBe(count);
	expect(await resultHrefs(page)).toEqual(list);
});

test('the filters of /mappa apply with "Applica filtri" and stay on /mappa', async () => {
	const page = await session.newPage();
	await open(page, '/mappa?area=sostegno-a-casa');
	const before = await resultCount(page);
	const municipio = await applyFirstMunicipio(page);
	expect(await resultCount(page)).toBeLessThan(before);
	// page 2 of the list is a /mappa link too
	const next = main(page).locator('a[href^="/mappa?"][href*="page=2"]');
	if ((await next.count()) > 0) expect(await next.first().getAttribute('href')).toContain(`municipio=${municipio}`);
});

test('a service page without JavaScript has directions links and no map', async () => {
	const page = await session.newPage();
	await open(page, '/mappa?area=sostegno-a-casa');
	const [first] = await resultHrefs(page);
	await open(page, first!);
	const where = main(page).locator('#dove');
	if ((await where.count()) === 0) return; // a service without a place has no "Dove" (the first one has one in the demo data)
	const directions = where.locator('a[href^="https://www.openstreetmap.org/directions?to="]');
	expect(await directions.count()).toBeGreaterThan(0);
	expect(await directions.first().getAttribute('href')).toMatch(/to=45\.\d+%2C9\.\d+$/);
	expect(await where.locator('a[href^="geo:45."]').count()).toBeGreaterThan(0);
	expect(await where.locator('.leaflet-container').count()).toBe(0);
	expect(await where.locator('.service-map-canvas').isHidden()).toBe(true);
	expect(await where.innerText()).toMatch(/La mappa ha bisogno di JavaScript/);
});

test('a bad parameter on /mappa is a 400 page with the message, not a 500', async () => {
	const page = await session.newPage();
	await open(page, '/mappa?area=sostegno-a-casa&municipio=12', 400);
	expect(await main(page).innerText()).toMatch(/municipio deve essere un numero da 1 a 9/i);
	await expectNoAxeViolations(page);
});
