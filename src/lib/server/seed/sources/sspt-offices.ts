/**
 * Offices of the Servizio Sociale Professionale Territoriale (Comune di Milano, ds1303, excerpt
 * transcribed in sspt_sedi_ds1303_excerpt_sportello_amico.json) -> one service per office,
 * area "Informazioni" / "Orientamento ai servizi sociali".
 */
import type { SeedContext } from '../context.ts';
import type { ScheduleDraft, ServiceDraft } from '../hsds.ts';
import { SSPT } from '../organizations.ts';
import { readableNilName } from '../../geo/locate.ts';
import { normalizePhone, normalizeUrl, present } from '../text.ts';

export const SSPT_SOURCE = 'comune-milano-ds1303';

type Office = {
	tipo: string;
	nome: string;
	indirizzo: string;
	telefono?: string;
	orari?: string;
	note?: string;
	municipio: string;
	link?: string;
	quartiere?: string;
	lat?: number;
	lon?: number;
};

const DAY_CODES: Record<string, string> = {
	lunedi: 'MO',
	martedi: 'TU',
	mercoledi: 'WE',
	giovedi: 'TH',
	venerdi: 'FR',
	sabato: 'SA',
	domenica: 'SU'
};
const WEEK = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** "Dalle 8:00 alle 18:00 dal lunedi al sabato" -> MO..SA 08:00-18:00; undefined when not of that form. */
export function parseOpeningHours(text: string): ScheduleDraft | undefined {
	const plain = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
	const match =
		/dalle (\d{1,2})[:.](\d{2}) alle (\d{1,2})[:.](\d{2}) dal (\w+) al (\w+)/.exec(plain);
	if (!match) return undefined;
	const [, h1, m1, h2, m2, fromDay, toDay] = match;
	const from = WEEK.indexOf(DAY_CODES[fromDay!] ?? '');
	const to = WEEK.indexOf(DAY_CODES[toDay!] ?? '');
	if (from < 0 || to < from) return undefined;
	const pad = (h: string) => h.padStart(2, '0');
	return {
		byday: WEEK.slice(from, to + 1).join(','),
		opensAt: `${pad(h1!)}:${m1}`,
		closesAt: `${pad(h2!)}:${m2}`
	};
}

/** "020202 (tasti 4-1)" -> the number and how to reach the office from the menu. */
function parsePhone(text: string): { number: string; description?: string } | undefined {
	const number = normalizePhone(text.replace(/\(.*\)/, ''));
	if (!number) return undefined;
	const keys = /tasti\s+([\d\s-]+)/i.exec(text)?.[1]?.split('-').map((k) => k.trim());
	return {
		number,
		...(keys?.length
			? { description: `Numero unico del Comune di Milano: dal menu scegliere ${keys.map((k) => `il tasto ${k}`).join(' e poi ')}` }
			: {})
	};
}

export function convertSsptOffices(jsonText: string, ctx: SeedContext): ServiceDraft[] {
	const { sedi } = JSON.parse(jsonText) as { sedi: Office[] };
	return sedi
		.filter((o) => o.tipo === 'servizio_sociale')
		.map((office): ServiceDraft => {
			const address = office.indirizzo.replace(/\s+/g, ' ').trim();
			const hasPoint = typeof office.lat === 'number' && typeof office.lon === 'number';
			const point = hasPoint ? { latitude: office.lat!, longitude: office.lon! } : undefined;
			const secondary = /sede secondaria/i.test(office.nome);
			// The name is right where the `municipio` column is not (Via Cesare Brivio 4: "Municipio 9", column "8";
			// the street register also puts it in Municipio 9).
			const municipio = /Municipio (\d)/.exec(office.nome)?.[1] ?? office.municipio;
			const notes = (present(office.note) ?? '').split(';').map((n) => n.trim()).filter(Boolean);
			const byAppointment = notes.some((n) => /appuntamento/i.test(n));
			const phoneOnly = notes.some((n) => /solo accesso telefonico/i.test(n));
			const placeNotes = notes.filter((n) => !/appuntamento|accesso telefonico/i.test(n));
			const phone = office.telefono ? parsePhone(office.telefono) : undefined;
			const schedule = office.orari ? parseOpeningHours(office.orari) : undefined;
			const neighbourhood = present(office.quartiere) ? readableNilName(office.quartiere!.toUpperCase()) : undefined;
			const access = phoneOnly
				? 'In questa sede si accede solo per telefono: chiamare il numero indicato nei contatti.'
				: byAppointment
					? 'Si riceve solo su appuntamento: per fissarlo chiamare il numero indicato nei contatti.'
					: 'Rivolgersi alla sede negli orari di apertura o chiamare il numero indicato nei contatti.';
			const name = secondary
				? `Servizio Sociale Municipio ${municipio} – sede di ${address}`
				: `Servizio Sociale Municipio ${municipio}`;
			return {
				key: `${SSPT_SOURCE}:${office.nome}:${address}`,
				name,
				description:
					`${secondary ? 'Sede secondaria' : 'Sede principale'} del Servizio Sociale Professionale Territoriale del Comune di Milano per il Municipio ${municipio}` +
					`${neighbourhood ? `, nel quartiere ${neighbourhood}` : ''}. ` +
					"Le assistenti sociali accolgono persone e famiglie che attraversano un momento di difficoltà (economica, familiare, di salute, di cura di un familiare), le informano e le orientano tra i servizi sociali, educativi e sanitari della città e, quando serve, costruiscono con loro un progetto di aiuto.",
				organization: SSPT,
				location: {
					name,
					address,
					...(placeNotes.length ? { address2: placeNotes.join(', ') } : {}),
					postalCode: ctx.postalCode(address, point),
					...(point ?? {}),
					externalIdentifier: `ds1303:${office.nome}:${address}`,
					externalIdentifierType: 'comune-milano-ds1303'
				},
				url: normalizeUrl(office.link),
				phones: phone ? [phone] : [],
				schedules: schedule
					? [{ ...schedule, description: byAppointment ? 'Solo su appuntamento' : undefined }]
					: [],
				costs: [{ option: 'Colloquio gratuito', amount: 0 }],
				feesDescription: 'Il colloquio con il servizio sociale è gratuito.',
				subcategories: ['orientamento-servizi-sociali'],
				audiences: ['genitori', 'adulti', 'anziani', 'persone-con-disabilita', 'caregiver'],
				x_source: SSPT_SOURCE,
				x_audience_description: `Chi vive nel Municipio ${municipio} e ha bisogno di aiuto o di orientamento per sé o per un familiare: famiglie con figli, persone adulte, anziani, persone con disabilità e chi se ne prende cura.`,
				x_how_to_access: access,
				x_what_you_need:
					"Un documento d'identità. Per alcuni interventi può essere richiesta l'attestazione ISEE: l'assistente sociale indica quali documenti servono.",
				x_what_you_get:
					"Un colloquio con un'assistente sociale, informazioni e orientamento sui servizi e, se necessario, la presa in carico con un progetto personalizzato.",
				x_channel: 'physical',
				x_keywords: ['assistente sociale', 'servizi sociali', 'aiuto', 'sostegno', 'famiglia in difficoltà', `municipio ${municipio}`]
			};
		});
}
