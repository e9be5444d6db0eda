/** The small set of coded errors domain functions throw; routes map them to HTTP. */
export const errorCodes = [
	'NOT_FOUND',
	'FORBIDDEN',
	'UNAUTHORIZED',
	'CONFLICT',
	'INVALID_INPUT',
	'RATE_LIMITED'
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const httpStatusOf: Record<ErrorCode, number> = {
	NOT_FOUND: 404,
	FORBIDDEN: 403,
	UNAUTHORIZED: 401,
	CONFLICT: 409,
	INVALID_INPUT: 400,
	RATE_LIMITED: 429
};

export class AppError extends Error {
	readonly code: ErrorCode;
	/** The input field at fault, for INVALID_INPUT. */
	readonly field: string | undefined;

	constructor(code: ErrorCode, message: string, options: { field?: string; cause?: unknown } = {}) {
		super(message, { cause: options.cause });
		this.name = 'AppError';
		this.code = code;
		this.field = options.field;
	}
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
