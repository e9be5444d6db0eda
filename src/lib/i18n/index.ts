/**
 * The interface's own strings in Italian (first language) and English. Page content (service
 * texts) stays as data and is not translated here. Browser-safe: no server imports.
 */

export const langs = ['it', 'en'] as const;
export type Lang = (typeof langs)[number];
export const defaultLang: Lang = 'it';

export const isLang = (value: unknown): value is Lang => value === 'it' || value === 'en';

const it = {
	'site.owner': 'Comune di Milano',
	'site.name': 'Piazza',
	'site.tagline': 'servizi sociali per le famiglie',
	'site.title': 'Piazza — servizi sociali per le famiglie',
	'site.description':
		'Trova i servizi sociali di Milano per la tua famiglia: aiuti economici, casa, scuola, salute, sostegno a casa e tempo libero.',
	'skip.main': 'Vai al contenuto principale',
	'nav.label': 'Menu principale',
	'nav.home': 'Home',
	'nav.areas': 'Aree di bisogno',
	'nav.index': 'Indice A-Z',
	'nav.search': 'Cerca',
	'nav.map': 'Mappa',
	'nav.otherLang': 'English',
	'nav.breadcrumb': 'Percorso di navigazione',
	'search.label': 'Cerca un servizio',
	'search.headerLabel': 'Cerca nel sito',
	'search.placeholder': 'Per esempio: assegno, casa, badante, nido…',
	'search.submit': 'Cerca',
	'footer.about':
		'Piazza è la piazza virtuale della Milano sociale: i servizi per le famiglie della città, in un solo posto e in parole semplici.',
	'footer.aboutTitle': 'Piazza',
	'footer.linksTitle': 'Link utili',
	'footer.data':
		'Contiene dati del Comune di Milano – dati.comune.milano.it – licenza CC BY 4.0',
	'footer.openSource': 'Software libero (AGPL-3.0)',
	'footer.sitemap': 'Mappa del sito',
	'footer.api': 'API per sviluppatori',
	'footer.openData': 'Dati aperti',
	'home.title': 'Servizi sociali per le famiglie a Milano',
	'home.intro':
		'Cerca un aiuto per la tua famiglia: scrivi di cosa hai bisogno oppure scegli un’area qui sotto.',
	'home.areasTitle': 'Aree di bisogno',
	'home.indexTitle': 'Parole per cercare',
	'home.indexAll': 'Vai all’indice A-Z',
	'home.latestTitle': 'Novità',
	'home.latestIntro': 'I servizi aggiornati più di recente.',
	'home.noServices': 'Non ci sono ancora servizi pubblicati.',
	'area.subcategories': 'Sottocategorie',
	'area.allSubcategories': 'Tutte',
	'area.servicesIn': 'Servizi in «{name}»',
	'area.searchHere': 'Cerca con altri filtri in quest’area',
	'area.noServices': 'In questa sezione non ci sono ancora servizi.',
	'count.services.one': '1 servizio',
	'count.services.other': '{n} servizi',
	'card.organization': 'Ente',
	'card.free': 'Gratuito',
	'card.municipio': 'Municipio {n}',
	'pagination.label': 'Pagine dei risultati',
	'pagination.previous': 'Pagina precedente',
	'pagination.next': 'Pagina successiva',
	'pagination.page': 'Pagina {n}',
	'pagination.current': 'Pagina {n}, pagina corrente',
	'pagination.status': 'Pagina {page} di {total}',
	'org.services': 'Servizi di questo ente',
	'org.about': 'Chi è',
	'org.contacts': 'Contatti',
	'org.noServices': 'Questo ente non ha servizi pubblicati.',
	'error.notFound.title': 'Pagina non trovata',
	'error.notFound.text':
		'La pagina che cerchi non esiste o è stata spostata. Prova a cercare il servizio che ti serve.',
	'error.server.title': 'Si è verificato un errore',
	'error.server.text':
		'Qualcosa non ha funzionato da parte nostra. Riprova tra qualche minuto. Se il problema continua, comunica questo codice a chi ti aiuta:',
	'error.requestId': 'Codice della richiesta',
	'error.generic.title': 'Non è stato possibile mostrare la pagina',
	'error.links': 'Puoi anche',
	'error.goHome': 'tornare alla pagina iniziale',
	'error.goAreas': 'sfogliare le aree di bisogno',
	'error.goIndex': 'consultare l’indice A-Z'
} as const;

export type MessageKey = keyof typeof it;

const en: Record<MessageKey, string> = {
	'site.owner': 'City of Milan',
	'site.name': 'Piazza',
	'site.tagline': 'social services for families',
	'site.title': 'Piazza — social services for families',
	'site.description':
		"Find Milan's social services for your family: financial help, housing, school, health, support at home and free time.",
	'skip.main': 'Skip to main content',
	'nav.label': 'Main menu',
	'nav.home': 'Home',
	'nav.areas': 'Areas of need',
	'nav.index': 'A-Z index',
	'nav.search': 'Search',
	'nav.map': 'Map',
	'nav.otherLang': 'Italiano',
	'nav.breadcrumb': 'Breadcrumb',
	'search.label': 'Search for a service',
	'search.headerLabel': 'Search the site',
	'search.placeholder': 'For example: allowance, housing, carer, nursery…',
	'search.submit': 'Search',
	'footer.about':
		"Piazza is the virtual square of social Milan: the city's services for families, in one place and in plain words.",
	'footer.aboutTitle': 'Piazza',
	'footer.linksTitle': 'Useful links',
	'footer.data': 'Contains data from the City of Milan – dati.comune.milano.it – CC BY 4.0 licence',
	'footer.openSource': 'Free software (AGPL-3.0)',
	'footer.sitemap': 'Sitemap',
	'footer.api': 'API for developers',
	'footer.openData': 'Open data',
	'home.title': 'Social services for families in Milan',
	'home.intro':
		'Look for help for your family: type what you need or choose an area below. Service descriptions are in Italian.',
	'home.areasTitle': 'Areas of need',
	'home.indexTitle': 'Words to search for',
	'home.indexAll': 'Go to the A-Z index',
	'home.latestTitle': "What's new",
	'home.latestIntro': 'The most recently updated services.',
	'home.noServices': 'No services have been published yet.',
	'area.subcategories': 'Sub-categories',
	'area.allSubcategories': 'All',
	'area.servicesIn': 'Services in “{name}”',
	'area.searchHere': 'Search this area with more filters',
	'area.noServices': 'There are no services in this section yet.',
	'count.services.one': '1 service',
	'count.services.other': '{n} services',
	'card.organization': 'Provider',
	'card.free': 'Free',
	'card.municipio': 'Municipio {n}',
	'pagination.label': 'Result pages',
	'pagination.previous': 'Previous page',
	'pagination.next': 'Next page',
	'pagination.page': 'Page {n}',
	'pagination.current': 'Page {n}, current page',
	'pagination.status': 'Page {page} of {total}',
	'org.services': 'Services of this provider',
	'org.about': 'About',
	'org.contacts': 'Contacts',
	'org.noServices': 'This provider has no published services.',
	'error.notFound.title': 'Page not found',
	'error.notFound.text':
		'The page you are looking for does not exist or has moved. Try searching for the service you need.',
	'error.server.title': 'Something went wrong',
	'error.server.text':
		'Something went wrong on our side. Please try again in a few minutes. If the problem persists, give this code to whoever is helping you:',
	'error.requestId': 'Request code',
	'error.generic.title': 'The page could not be shown',
	'error.links': 'You can also',
	'error.goHome': 'go back to the home page',
	'error.goAreas': 'browse the areas of need',
	'error.goIndex': 'look at the A-Z index'
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { it, en };

/** The UI string `key` in `lang`, with `{name}` placeholders filled from `params`. */
/** Fills `{name}` placeholders from `params`; unknown names stay visible rather than vanish. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
	return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** A count written the way the interface language writes numbers ("1.234" / "1,234"). */
export const formatCount = (lang: Lang, n: number): string => n.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB');

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
	return interpolate(dictionaries[lang][key], params);
}

/** "1 servizio" / "12 servizi": picks `<key>.one` or `<key>.other` by count. */
export function tCount(lang: Lang, key: 'count.services', n: number): string {
	return t(lang, n === 1 ? `${key}.one` : `${key}.other`, { n: formatCount(lang, n) });
}

/**
 * The interface language from an explicit choice (query or cookie) or the browser's
 * Accept-Language header, Italian when nothing says otherwise.
 */
export function negotiateLang(
	choice: string | null | undefined,
	acceptLanguage: string | null | undefined
): Lang {
	if (isLang(choice)) return choice;
	if (!acceptLanguage) return defaultLang;
	const ranked = acceptLanguage
		.split(',')
		.map((part, order) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = q ? Number(q.slice(2)) : 1;
			return { base: tag.trim().toLowerCase().split('-')[0], quality: Number.isNaN(quality) ? 0 : quality, order };
		})
		.filter((entry) => entry.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.order - b.order);
	const first = ranked.find((entry) => isLang(entry.base));
	return first && isLang(first.base) ? first.base : defaultLang;
}
