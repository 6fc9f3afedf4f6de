import type { TFunction } from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import type { CenterLinkStatus } from '../../contract';
import type { ApiClient, ConnectionState } from '../api-client';

/**
 * Tells the citizen (and the passing staff member) when the robot works without its center:
 * tickets are still valid, only the live queue figures may lag. Silent when the link is fine or
 * the robot has no center at all.
 */
export function CenterLinkNotice({ api, t, connection }: { api: ApiClient; t: TFunction; connection: ConnectionState }) {
  const [link, setLink] = useState<CenterLinkStatus | undefined>();
  useEffect(() => {
    const off = api.on('status.changed', (h) => setLink(h.center));
    if (connection === 'open') api.call('status.get', {}).then((h) => setLink(h.center), () => undefined);
    return off;
  }, [api, connection]);
  if (!link) return null;
  const key = link.enrolment !== 'enrolled' ? 'centerLink.notEnrolled' : !link.online ? 'centerLink.offline' : undefined;
  if (!key) return null;
  return (
    <p class="notice center-link" role="status" data-center-link={link.enrolment !== 'enrolled' ? link.enrolment : 'offline'}>
      {t(key)}
    </p>
  );
}
