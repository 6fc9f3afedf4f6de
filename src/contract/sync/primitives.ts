import { z } from 'zod';
import { ERROR_CODES } from '../error-codes';

/** Field shapes the sync messages share; internal to the protocol (not re-exported). */
export const RobotId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'robot id: lower-case letters, digits, dashes, up to 32');
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const Prefix = z.string().regex(/^[A-Z]{1,2}$/);
export const ServerTime = z.number().int().nonnegative();
export const ErrorCode = z.enum(ERROR_CODES);
