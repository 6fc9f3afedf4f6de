/**
 * What service mode shows of the sync client (network panel, overview) and which of its secrets
 * the support bundle must scrub. The composition root passes `() => syncServiceView(...)` as the
 * `sync` view once the client runs.
 */
import type { CredentialStore } from '../sync/credentials';
import type { SyncClient } from '../sync/sync-client';
import type { ServiceSyncView } from './create-service-mode';

export function syncServiceView(client: Pick<SyncClient, 'state' | 'status'>, centerUrl: string, credentials?: CredentialStore): ServiceSyncView {
  return {
    centerUrl,
    state: () => {
      const s = client.state();
      return { online: s.online, enrolment: s.enrolment, outboxLength: s.outboxLength, lastSyncAt: s.lastSyncAt, lastErrorCode: s.lastErrorCode };
    },
    status: () => client.status(),
    secrets: () => {
      const c = credentials?.load();
      return c ? [c.token] : [];
    },
  };
}
