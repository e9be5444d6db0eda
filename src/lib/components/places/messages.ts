/**
 * The interface strings of the pages of places (/municipi, /quartieri) in Italian and English.
 * Kept apart from #lib/i18n because these pages ship no JavaScript: their strings must not
 * weigh on the pages that do (/cerca).
 */
import { interpolate, type Lang } from '#lib/i18n/index.ts';

const it = {
	'nav': 'Municipi e quartieri',
	'municipi.title': 'Municipi',
	'municipi.intro':
		'Milano è divisa in 9 municipi. Scegli il tuo per vedere i servizi vicino a casa, gli sportelli del servizio sociale e i quartieri.',
	'quartieri.title': 'Quartieri',
	'quartieri.intro':
		'Gli 88 quartieri di Milano sono i NIL (Nuclei di Identità Locale) del Piano di Governo del Territorio. Scegli il tuo per vedere i servizi che ci sono.',
	'municipio': 'Municipio {n}',
	'nilCount': 'Quartieri: {n}',
	'byArea': 'Cosa offre, per area di bisogno',
	'searchIn': 'Cerca con altri filtri nel Municipio {n}',
	'map': 'Vedi il Municipio {n} sulla mappa',
	'desks': 'Sportelli del servizio sociale',
	'desksIntro':
		'Il Servizio Sociale Professionale Territoriale ascolta la tua situazione e ti orienta tra i servizi.',
	'noDesks': 'Non conosciamo ancora l’indirizzo di uno sportello in questo municipio: chiama lo 020202.',
	'nilOf': 'Quartieri del Municipio {n}',
	'nilIn': 'Quartiere (NIL {id}) nel',
	'servicesIn': 'Servizi del quartiere',
	'allAreas': 'Tutte le aree',
	'noServices': 'In questo quartiere non ci sono ancora servizi con un indirizzo.',
	'quartieriLink': 'Tutti i quartieri di Milano',
} as const;

export type PlaceMessageKey = keyof typeof it;

const en: Record<PlaceMessageKey, string> = {
	'nav': 'Districts and neighbourhoods',
	'municipi.title': 'Municipi (districts)',
	'municipi.intro':
		'Milan is divided into 9 municipi (districts). Choose yours to see the services near home, the social work desks and the neighbourhoods.',
	'quartieri.title': 'Neighbourhoods',
	'quartieri.intro':
		'Milan’s 88 neighbourhoods are the NIL (Nuclei di Identità Locale) of the city plan. Choose yours to see the services there.',
	'municipio': 'Municipio {n}',
	'nilCount': 'Neighbourhoods: {n}',
	'byArea': 'What it offers, by area of need',
	'searchIn': 'Search Municipio {n} with more filters',
	'map': 'See Municipio {n} on the map',
	'desks': 'Social work desks',
	'desksIntro': 'The local social work service listens to your situation and guides you to the right services.',
	'noDesks': 'We do not know the address of a desk in this municipio yet: call 020202.',
	'nilOf': 'Neighbourhoods of Municipio {n}',
	'nilIn': 'Neighbourhood (NIL {id}) in',
	'servicesIn': 'Services in the neighbourhood',
	'allAreas': 'All areas',
	'noServices': 'There are no services with an address in this neighbourhood yet.',
	'quartieriLink': 'All of Milan’s neighbourhoods',
};

const dictionaries: Record<Lang, Record<PlaceMessageKey, string>> = { it, en };

/** The place-page string `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function pt(lang: Lang, key: PlaceMessageKey, params: Record<string, string | number> = {}): string {
	return interpolate(dictionaries[lang][key], params);
}
