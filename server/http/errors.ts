/**
 * The error shape of the HTTP contract: `{ error: { code, message, details? } }`.
 * `code` is stable and machine-readable; `message` is for people and holds no per-request values.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (code: string, message: string) => new AppError(404, code, message);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const unprocessable = (code: string, message: string, details?: unknown) => new AppError(422, code, message, details);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
export const unauthorized = (code: string, message: string) => new AppError(401, code, message);

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
