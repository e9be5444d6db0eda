/**
 * The interface strings of the maps (/mappa, the service page's map) in Italian and English.
 * Browser-safe. Kept beside the components that use them, like the search pages' strings.
 */
import { formatCount, interpolate, type Lang } from '#lib/i18n/index.ts';

const it = {
	'map.title': 'Mappa dei servizi',
	'map.titleFor': 'Mappa dei servizi per «{q}»',
	'map.intro': 'I servizi della ricerca sulla mappa della città, e accanto l’elenco degli stessi servizi.',
	'map.region': 'Mappa dei servizi',
	'map.help':
		'Con la tastiera: Tab raggiunge i segnaposto, Invio apre la scheda di un servizio; un numero è un gruppo di servizi vicini, Invio lo ingrandisce. Le frecce spostano la mappa, + e − cambiano lo zoom. L’elenco dei risultati contiene gli stessi servizi.',
	'map.noScript': 'La mappa ha bisogno di JavaScript: qui sotto trovi l’elenco degli stessi servizi.',
	'map.loading': 'Caricamento dei servizi sulla mappa…',
	'map.inView.none': 'Nessun servizio in questa parte della mappa.',
	'map.inView.one': '1 servizio in questa parte della mappa.',
	'map.inView.other': '{n} servizi in questa parte della mappa.',
	'map.inView.clustered': '{n} servizi in questa parte della mappa, raggruppati: ingrandisci per vederli uno per uno.',
	'map.error': 'Non è stato possibile caricare i servizi sulla mappa. L’elenco qui sotto resta valido.',
	'map.tilesDown': 'Lo sfondo della mappa non è disponibile: restano i confini dei municipi.',
	'map.cluster': 'Gruppo di {n} servizi: premi Invio per ingrandire',
	'map.place': '{name}: premi Invio per i dettagli',
	'map.list': 'Elenco dei servizi',
	'map.toSearch': 'Vedi come elenco',
	'map.areas': 'Scegli un’area di bisogno per vedere l’elenco dei suoi servizi:',
	'map.municipio': 'Municipio {n}',
	'service.map.title': 'Mappa',
	'service.map.label': 'Mappa della sede: {name}',
	'service.map.directions': 'Indicazioni stradali (OpenStreetMap)',
	'service.map.app': 'Apri nell’app di mappe',
	'service.map.noScript': 'La mappa ha bisogno di JavaScript; l’indirizzo è qui sopra.'
};

export type MapMessageKey = keyof typeof it;

const en: Record<MapMessageKey, string> = {
	'map.title': 'Map of services',
	'map.titleFor': 'Map of services for “{q}”',
	'map.intro': 'The services of the search on the city map, with the list of the same services beside it.',
	'map.region': 'Map of services',
	'map.help':
		'With the keyboard: Tab reaches the markers, Enter opens a service’s card; a number is a group of nearby services, Enter zooms into it. The arrow keys move the map, + and − zoom. The list of results holds the same services.',
	'map.noScript': 'The map needs JavaScript: below is the list of the same services.',
	'map.loading': 'Loading the services on the map…',
	'map.inView.none': 'No services in this part of the map.',
	'map.inView.one': '1 service in this part of the map.',
	'map.inView.other': '{n} services in this part of the map.',
	'map.inView.clustered': '{n} services in this part of the map, grouped: zoom in to see them one by one.',
	'map.error': 'The services could not be loaded on the map. The list below is still right.',
	'map.tilesDown': 'The map background is not available: the municipi boundaries remain.',
	'map.cluster': 'Group of {n} services: press Enter to zoom in',
	'map.place': '{name}: press Enter for details',
	'map.list': 'List of services',
	'map.toSearch': 'See as a list',
	'map.areas': 'Choose an area of need to list its services:',
	'map.municipio': 'Municipio {n}',
	'service.map.title': 'Map',
	'service.map.label': 'Map of the place: {name}',
	'service.map.directions': 'Directions (OpenStreetMap)',
	'service.map.app': 'Open in your maps app',
	'service.map.noScript': 'The map needs JavaScript; the address is above.'
};

const dictionaries: Record<Lang, Record<MapMessageKey, string>> = { it, en };

export function mt(lang: Lang, key: MapMessageKey, params: Record<string, string | number> = {}): string {
	return interpolate(dictionaries[lang][key], params);
}

/** What the view holds, for the status line screen readers hear after each move. */
export function inViewText(lang: Lang, total: number, clustered: boolean): string {
	const n = formatCount(lang, total);
	if (clustered) return mt(lang, 'map.inView.clustered', { n });
	return mt(lang, total === 0 ? 'map.inView.none' : total === 1 ? 'map.inView.one' : 'map.inView.other', { n });
}
