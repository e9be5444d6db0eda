/** The icon of each area of need (reference taxonomy ids); unknown areas get a neutral one. */
import type { IconName } from './icons.ts';

const byArea: Record<string, IconName> = {
	informazioni: 'info-circle',
	'spazi-di-aggregazione': 'comment',
	'sostegno-a-casa': 'user',
	'accoglienza-abitativa': 'key',
	'sostegno-psicologico': 'help-circle',
	'diritti-e-tutele': 'sign',
	'salute-e-prevenzione': 'plus-circle',
	scuola: 'presentation',
	lavoro: 'tool',
	'sostegno-economico': 'card',
	'tempo-libero': 'star-outline'
};

export const areaIcon = (areaId: string): IconName => byArea[areaId] ?? 'list';
