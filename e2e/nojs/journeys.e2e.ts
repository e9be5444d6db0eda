/**
 * The core journeys again with JavaScript disabled: everything a family needs works as plain
 * server-rendered pages, links and GET forms (filters through the "Applica filtri" button).
 */
import { expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import {
	browseAreaToService,
	correctTypo,
	filterSearchByArea,
	filterSearchByMunicipio,
	filterSearchFreeOfCharge,
	keywordIndexToSearch,
	paginateResults,
	searchRentSupportFromHome,
	skipToMainContent,
	switchLanguage,
	zeroResultsHelp
} from '../support/journeys.ts';

const session = useBrowser({ javaScriptEnabled: false });

test('scripts really are off', async () => {
	const page = await session.newPage();
	await page.goto('/');
	// SvelteKit's inline bootstrap never ran: no client router, no hydration marker
	expect(await page.evaluate(() => Object.keys(window).some((key) => key.startsWith('__sveltekit')))).toBe(false);
});

test("home → \"soldi per l'affitto\" → rent support first → its service page", async () => {
	await searchRentSupportFromHome(await session.newPage());
});

test('filters apply with the "Applica filtri" button: area', async () => {
	await filterSearchByArea(await session.newPage(), 'casa');
});

test('filters apply with the "Applica filtri" button: municipio', async () => {
	await filterSearchByMunicipio(await session.newPage(), 'scuola');
});

test('filters apply with the "Applica filtri" button: Gratuito', async () => {
	await filterSearchFreeOfCharge(await session.newPage(), 'assistenza');
});

test('pagination links work', async () => {
	await paginateResults(await session.newPage(), 'scuola');
});

test('"Forse cercavi" and the zero-result help work', async () => {
	await correctTypo(await session.newPage());
	await zeroResultsHelp(await session.newPage());
});

test('home → area → sub-category → service', async () => {
	await browseAreaToService(await session.newPage(), 'scuola');
});

test('the A-Z index leads to its search', async () => {
	await keywordIndexToSearch(await session.newPage());
});

test('the language switch works as a plain link', async () => {
	await switchLanguage(await session.newPage());
});

test('the skip link works', async () => {
	await skipToMainContent(await session.newPage());
});
