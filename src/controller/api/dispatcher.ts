import { z } from 'zod';
import {
  API_PROTOCOL_VERSION,
  CommandEnvelope,
  commands,
  isCodedError,
  MAX_MESSAGE_BYTES,
  type ApiError,
  type CommandRequest,
  type CommandResponse,
  type CommandType,
  type ReplyMessage,
} from '../../contract';
import type { Logger } from '../log';

export type Handlers = { [T in CommandType]: (payload: CommandRequest<T>) => Promise<CommandResponse<T>> | CommandResponse<T> };

const fail = (id: string | null, error: ApiError): ReplyMessage => ({ v: API_PROTOCOL_VERSION, id, ok: false, error });

function issuesOf(e: z.ZodError): string[] {
  return e.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
}

/**
 * Turns one raw frame into exactly one reply. Nothing a client sends can throw out of here:
 * unreadable, unknown or invalid messages get a typed error reply.
 */
export async function dispatch(raw: string, handlers: Handlers, log: Logger): Promise<ReplyMessage> {
  if (raw.length > MAX_MESSAGE_BYTES) return fail(null, { code: 'BAD_MESSAGE', issues: ['message too large'] });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return fail(null, { code: 'BAD_MESSAGE', issues: ['not JSON'] });
  }
  const envelope = CommandEnvelope.safeParse(json);
  if (!envelope.success) {
    const id = typeof (json as { id?: unknown })?.id === 'string' ? ((json as { id: string }).id.slice(0, 64)) : null;
    return fail(id, { code: 'BAD_MESSAGE', issues: issuesOf(envelope.error) });
  }
  const { id, type, v, payload } = envelope.data;
  if (v !== API_PROTOCOL_VERSION) return fail(id, { code: 'UNSUPPORTED_PROTOCOL', issues: [`expected v ${API_PROTOCOL_VERSION}`] });
  if (!Object.hasOwn(commands, type)) return fail(id, { code: 'UNKNOWN_COMMAND', issues: [type.slice(0, 64)] });
  const command = type as CommandType;
  const request = commands[command].request.safeParse(payload ?? {});
  if (!request.success) return fail(id, { code: 'INVALID_PAYLOAD', issues: issuesOf(request.error) });
  try {
    const handler = handlers[command] as (p: unknown) => Promise<unknown> | unknown;
    const result = await handler(request.data);
    return { v: API_PROTOCOL_VERSION, id, ok: true, result };
  } catch (e) {
    if (isCodedError(e)) return fail(id, e.nextOpeningAt ? { code: e.code, nextOpeningAt: e.nextOpeningAt } : { code: e.code });
    log.error({ err: e, command }, 'command failed');
    return fail(id, { code: 'INTERNAL_ERROR' });
  }
}
