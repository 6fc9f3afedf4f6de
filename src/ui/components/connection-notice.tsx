import type { i18n } from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, type Language } from '../../contract';
import type { ConnectionState } from '../api-client';

/**
 * Shown while the page cannot reach the controller (issue 16). No language can be chosen then,
 * so it speaks all five, the current one first. Once the link was lost it keeps saying so (not
 * "connecting…" at each retry) until the link is open again.
 */
export function ConnectionNotice({ i18n, connection, language }: { i18n: i18n; connection: ConnectionState; language: Language }) {
  const [lost, setLost] = useState(false);
  useEffect(() => {
    if (connection === 'closed') setLost(true);
    if (connection === 'open') setLost(false);
  }, [connection]);
  if (connection === 'open') return null;
  const key = lost || connection === 'closed' ? 'status.disconnected' : 'status.connecting';
  const order = [language, ...LANGUAGES.filter((l) => l !== language)];
  return (
    <div class="connection notice" role="status">
      {order.map((l) => (
        <p key={l} lang={l} style={{ margin: '4px 0' }}>
          {i18n.getFixedT(l)(key)}
        </p>
      ))}
    </div>
  );
}
