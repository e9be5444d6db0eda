/**
 * The interface strings of places in Italian and English: the pages of municipi and NILs, and
 * the texts of "Vicino a" that the server writes for /cerca and /mappa. Only server code and pages
 * without JavaScript import this module, so its strings never weigh on a page's JavaScript
 * (/cerca is close to its budget).
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
	'place.label': 'Vicino a',
	'place.hint': 'Un indirizzo, un quartiere o un municipio: per esempio «Via Padova 36», «Città Studi», «Municipio 3».',
	'place.radius': 'Distanza massima',
	'place.me': 'Vicino a me',
	'place.meError': 'Non è stato possibile conoscere la tua posizione: scrivi un indirizzo.',
	'place.found': 'Vicino a {label}',
	'place.precision': 'precisione',
	'place.precision.address': 'numero civico',
	'place.precision.street': 'via, punto approssimato',
	'place.precision.neighbourhood': 'centro del quartiere, distanze approssimate',
	'place.precision.municipio': 'solo il municipio è noto: distanze dal suo centro, molto approssimate',
	'place.precision.city': 'centro di Milano',
	'place.notFound':
		'Non abbiamo trovato «{text}» a Milano, quindi i risultati non tengono conto della distanza. Prova con via e numero civico, un quartiere o un municipio.',
	'place.fellBack': 'Il servizio degli indirizzi non risponde: abbiamo usato lo stradario del Comune.',
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
	'place.label': 'Near',
	'place.hint': 'An address, a neighbourhood or a municipio: for example “Via Padova 36”, “Città Studi”, “Municipio 3”.',
	'place.radius': 'Maximum distance',
	'place.me': 'Near me',
	'place.meError': 'Your position could not be found: type an address.',
	'place.found': 'Near {label}',
	'place.precision': 'precision',
	'place.precision.address': 'house number',
	'place.precision.street': 'street, approximate point',
	'place.precision.neighbourhood': 'centre of the neighbourhood, approximate distances',
	'place.precision.municipio': 'only the municipio is known: distances from its centre, very approximate',
	'place.precision.city': 'centre of Milan',
	'place.notFound':
		'We could not find “{text}” in Milan, so the results ignore distance. Try a street and house number, a neighbourhood or a municipio.',
	'place.fellBack': 'The address service is not answering: we used the City’s street register.',
};

const dictionaries: Record<Lang, Record<PlaceMessageKey, string>> = { it, en };

/** The place-page string `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function pt(lang: Lang, key: PlaceMessageKey, params: Record<string, string | number> = {}): string {
	return interpolate(dictionaries[lang][key], params);
}
