/**
 * Errors at the HTTP boundary. Routes translate domain errors here: an AppError becomes the
 * matching status with its Italian message; anything else is rethrown for handleError (a 500
 * with the request id), which logs it through describeError().
 */
import { error } from '@sveltejs/kit';
import { httpStatusOf, isAppError } from './shared/errors.ts';

export function rethrowAsHttp(cause: unknown): never {
	if (isAppError(cause)) error(httpStatusOf[cause.code], cause.message, { code: cause.code });
	throw cause;
}

/** A `?pagina=` value: a whole number from 1, anything else reads as page 1. */
export function parsePage(value: string | null): number {
	const page = Number(value);
	return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/**
 * An error for the log without the values it may carry: a failed query's message lists its
 * parameters (what someone typed), so only the text before them is kept.
 */
export function describeError(error: unknown, depth = 0): Record<string, unknown> {
	if (!(error instanceof Error)) return { value: typeof error };
	const message = error.message.split(/\n\s*params:/)[0]!.slice(0, 1000);
	const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
	const code = (error as { code?: unknown }).code;
	return {
		name: error.name,
		message,
		...(typeof code === 'string' ? { code } : {}),
		stack: frames.slice(0, 15).join('\n'),
		...(error.cause !== undefined && depth < 3 ? { cause: describeError(error.cause, depth + 1) } : {})
	};
}
