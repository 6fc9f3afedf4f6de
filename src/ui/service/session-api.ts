import type { CommandRequest, CommandResponse, CommandType } from '../../contract';
import type { ApiClient } from '../api-client';

/** Service commands that need the session token (all but login). */
export type SessionCommand = Exclude<Extract<CommandType, `service.${string}`>, 'service.login'>;

export type SessionCall = <T extends SessionCommand>(type: T, payload: Omit<CommandRequest<T>, 'session'>) => Promise<CommandResponse<T>>;

/** Calls with the session token added; the controller checks it on every call. */
export function sessionCall(api: ApiClient, session: string): SessionCall {
  return (type, payload) => api.call(type, { ...payload, session } as CommandRequest<typeof type>);
}
