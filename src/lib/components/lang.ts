/** The interface language of the page being rendered, as the root layout loaded it. */
import { page } from '$app/state';
import { defaultLang, isLang, type Lang } from '#lib/i18n/index.ts';

export function currentLang(): Lang {
	const lang = (page.data as { lang?: unknown }).lang;
	return isLang(lang) ? lang : defaultLang;
}
