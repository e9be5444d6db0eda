/** A family searches with JavaScript on: from the home page to a service they can act on. */
import { test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import {
	correctTypo,
	filterSearchByArea,
	filterSearchByMunicipio,
	filterSearchFreeOfCharge,
	keywordIndexToSearch,
	paginateResults,
	searchRentSupportFromHome,
	zeroResultsHelp
} from '../support/journeys.ts';

const session = useBrowser();

test("home → \"soldi per l'affitto\" → rent support first → how to apply and whom to call", async () => {
	await searchRentSupportFromHome(await session.newPage());
});

test('the area facet narrows the results to that area, with the count it announced', async () => {
	await filterSearchByArea(await session.newPage(), 'casa');
});

test('the municipio facet keeps services of that municipio', async () => {
	await filterSearchByMunicipio(await session.newPage(), 'scuola');
});

test('"Gratuito" keeps free services', async () => {
	await filterSearchFreeOfCharge(await session.newPage(), 'assistenza');
});

test('page 2 holds other services', async () => {
	await paginateResults(await session.newPage(), 'scuola');
});

test('a typo gets "Forse cercavi" and the corrected search', async () => {
	await correctTypo(await session.newPage());
});

test('a nonsense word shows the information desks and 020202', async () => {
	await zeroResultsHelp(await session.newPage());
});

test('the A-Z index leads from "affitto" to its search', async () => {
	await keywordIndexToSearch(await session.newPage());
});

test('on a phone the folded filters open and apply', async () => {
	await filterSearchByArea(await session.newPage({ viewport: { width: 390, height: 844 } }), 'assistenza');
});
