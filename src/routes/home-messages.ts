/**
 * Strings only the home page uses. The home page ships no JavaScript (csr = false), so they stay
 * out of the shared dictionary, which /cerca's JavaScript budget pays for.
 */
import type { Lang } from '#lib/i18n/index.ts';

const it = {
	placesTitle: 'Vicino a te',
	placesIntro: 'I servizi sulla mappa della città, e quello che offre ogni municipio e ogni quartiere.',
	map: 'Mappa dei servizi',
	municipi: 'I 9 municipi',
	quartieri: 'Gli 88 quartieri (NIL)'
};

const en: typeof it = {
	placesTitle: 'Near you',
	placesIntro: "The services on the city's map, and what each municipio and neighbourhood offers.",
	map: 'Map of the services',
	municipi: 'The 9 municipi',
	quartieri: 'The 88 neighbourhoods (NIL)'
};

export const homeMessages = (lang: Lang) => (lang === 'en' ? en : it);
