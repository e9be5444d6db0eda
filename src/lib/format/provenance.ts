/**
 * Where a service record comes from, for the note at the foot of its page. `source` is the
 * record's provenance code (`x_source`): an open dataset id such as "comune-milano-ds629",
 * "curated", or an import source.
 */
import { type Lang } from '../i18n/index.ts';
import { svt } from '../i18n/service.ts';

/** Open-data publishers by source prefix; `of` is the name with its Italian preposition. */
const PUBLISHERS: { prefix: string; name: string; of: string; url: string }[] = [
	{ prefix: 'regione-lombardia-', name: 'Regione Lombardia', of: 'della Regione Lombardia', url: 'https://www.dati.lombardia.it' },
	{
		prefix: 'citta-metropolitana-milano-',
		name: 'Città metropolitana di Milano',
		of: 'della Città metropolitana di Milano',
		url: 'https://dati.cittametropolitana.mi.it'
	},
	{ prefix: 'miur-', name: 'Ministero dell’Istruzione e del Merito', of: 'del Ministero dell’Istruzione e del Merito', url: 'https://dati.istruzione.it' },
	{ prefix: 'ministero-salute-', name: 'Ministero della Salute', of: 'del Ministero della Salute', url: 'https://www.dati.salute.gov.it' },
	{ prefix: 'iccu-', name: 'ICCU – Anagrafe delle biblioteche italiane', of: 'dell’Anagrafe delle biblioteche italiane (ICCU)', url: 'https://anagrafe.iccu.sbn.it' }
];

export type Provenance = { text: string; url: string | null };

export function describeProvenance(source: string | null | undefined, curated: boolean, lang: Lang = 'it'): Provenance | null {
	if (curated || source === 'curated') return { text: svt(lang, 'service.source.curated'), url: null };
	if (!source) return null;
	if (source.startsWith('comune-milano-')) {
		const dataset = source.slice('comune-milano-'.length);
		return { text: svt(lang, 'service.source.open', { source: dataset }), url: 'https://dati.comune.milano.it' };
	}
	const publisher = PUBLISHERS.find((p) => source.startsWith(p.prefix));
	if (publisher) {
		return { text: svt(lang, 'service.source.publisher', { name: lang === 'it' ? publisher.of : publisher.name }), url: publisher.url };
	}
	return { text: svt(lang, 'service.source.other', { source }), url: null };
}
