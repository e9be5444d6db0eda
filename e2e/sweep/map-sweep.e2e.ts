/**
 * Zero axe violations on the map pages with the map drawn (tiles blocked: no internet in the e2e
 * tier), at desktop and phone widths, and with a popup open. The other templates are in
 * axe-sweep.e2e.ts.
 */
import { expect, test } from 'vitest';
import { findAxeViolations, formatViolations } from '../support/axe.ts';
import { useBrowser } from '../support/browser.ts';
import { resultHrefs } from '../support/portal.ts';
import { offlinePage, waitForMap } from '../map/support.ts';

const session = useBrowser();

const MAP_PAGES = ['/mappa', '/mappa?area=sostegno-a-casa', '/mappa?q=casa&municipio=3&free=true', '/mappa?q=zqxjvwk', '/mappa?area=scuola&lang=en'];

test.each([
	['desktop', { width: 1280, height: 900 }],
	['phone', { width: 390, height: 844 }]
] as const)('map pages (%s) have zero axe violations', async (_, viewport) => {
	const { page } = await offlinePage(session, { viewport });
	const problems: string[] = [];
	for (const path of MAP_PAGES) {
		const response = await page.goto(path, { waitUntil: 'networkidle' });
		expect(response?.status(), path).toBe(200);
		if (!path.includes('zqxjvwk')) await waitForMap(page);
		expect(await page.locator('h1').count()).toBe(1);
		const violations = await findAxeViolations(page);
		if (violations.length > 0) problems.push(formatViolations(path, violations));
	}
	expect(problems, problems.join('\n')).toEqual([]);
}, 180_000);

test('/mappa with a popup open, and a service page with its map drawn, have zero axe violations', async () => {
	const { page } = await offlinePage(session);
	// near a point the map opens at street level: single places
	await page.goto('/mappa?near=45.4642,9.19&radius_km=1', { waitUntil: 'networkidle' });
	await waitForMap(page);
	const pin = page.locator('.map-canvas .map-pin').first();
	await expect.poll(() => pin.count(), { timeout: 20_000 }).toBe(1);
	await pin.click();
	await expect.poll(() => page.locator('.leaflet-popup .map-popup-name').count()).toBe(1);
	const withPopup = await findAxeViolations(page);
	expect(withPopup, formatViolations(page.url(), withPopup)).toEqual([]);

	const [first] = await resultHrefs(page);
	await page.goto(first!, { waitUntil: 'networkidle' });
	const canvas = page.locator('.service-map-canvas');
	if ((await canvas.count()) > 0) {
		await canvas.scrollIntoViewIfNeeded();
		await expect.poll(() => canvas.locator('.leaflet-marker-icon').count(), { timeout: 20_000 }).toBeGreaterThan(0);
	}
	const violations = await findAxeViolations(page);
	expect(violations, formatViolations(first!, violations)).toEqual([]);
}, 120_000);
