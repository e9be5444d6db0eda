/** /cerca: the search page, a plain GET form rendered on the server. */
import { error } from '@sveltejs/kit';
import { getDb } from '#lib/server/db/client.ts';
import { loadSearchPage } from './search-page.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const result = await loadSearchPage(await getDb(), url.searchParams, { lang: locals.lang, now: new Date() });
	if (!result.ok) {
		// +error.svelte shows the form again with the message beside the field at fault.
		const details = { code: 'INVALID_INPUT', field: result.field };
		error(400, result.message, details);
	}
	return result.data;
};
