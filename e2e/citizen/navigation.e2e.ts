/** A family browses with JavaScript on: areas, language, keyboard. */
import { test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import {
	browseAreaToService,
	focusIsAlwaysVisible,
	searchWithKeyboardOnly,
	skipToMainContent,
	switchLanguage
} from '../support/journeys.ts';

const session = useBrowser();

test('home → area → sub-category → service', async () => {
	await browseAreaToService(await session.newPage(), 'scuola');
});

test('the English switch changes the navigation labels, and the choice sticks', async () => {
	await switchLanguage(await session.newPage());
});

test('Tab reaches the skip link first and Enter moves focus to the main content', async () => {
	await skipToMainContent(await session.newPage());
});

test('the search field is reachable and submittable with the keyboard alone', async () => {
	await searchWithKeyboardOnly(await session.newPage());
});

test.each(['/', '/cerca?q=casa', '/aree/scuola'])('every focused element on %s shows a focus indicator', async (path) => {
	await focusIsAlwaysVisible(await session.newPage(), path);
});
