import type { i18n } from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import type { Catalog, CommandResponse, Language } from '../contract';
import { ApiCallError, type ApiClient, type ConnectionState } from './api-client';
import { HomeScreen } from './screens/home';
import { TicketScreen } from './screens/ticket';

type Screen = { name: 'home' } | { name: 'ticket'; result: CommandResponse<'ticket.issue'> };

/** Renders the controller's state and sends commands; no business rules live here. */
export function App({ api, i18n }: { api: ApiClient; i18n: i18n }) {
  const [connection, setConnection] = useState<ConnectionState>(api.state);
  const [catalog, setCatalog] = useState<Catalog | undefined>();
  const [language, setLanguage] = useState<Language>(i18n.language as Language);
  const [screen, setScreen] = useState<Screen>({ name: 'home' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => api.onState(setConnection), [api]);
  useEffect(() => {
    if (connection !== 'open') return;
    api.call('catalog.get', {}).then(setCatalog, () => setError('INTERNAL_ERROR'));
  }, [api, connection]);

  const t = i18n.getFixedT(language);
  const chooseLanguage = (l: Language) => {
    void i18n.changeLanguage(l);
    setLanguage(l);
    document.documentElement.lang = l;
  };
  const issue = async (serviceId: string) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      setScreen({ name: 'ticket', result: await api.call('ticket.issue', { serviceId, language }) });
    } catch (e) {
      setError(e instanceof ApiCallError ? e.error.code : 'INTERNAL_ERROR');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <header class="top">
        <h1>{catalog ? catalog.centerName[language] : t('app.title')}</h1>
        {connection !== 'open' && (
          <p class="connection" role="status">
            {t(connection === 'connecting' ? 'status.connecting' : 'status.disconnected')}
          </p>
        )}
      </header>
      {error && (
        <p class="notice error" role="alert" data-code={error}>
          {t(`errors:${error}`)}
        </p>
      )}
      {screen.name === 'home' && (
        <HomeScreen t={t} catalog={catalog} language={language} busy={busy} onLanguage={chooseLanguage} onService={issue} />
      )}
      {screen.name === 'ticket' && (
        <TicketScreen t={t} catalog={catalog} language={language} result={screen.result} onDone={() => setScreen({ name: 'home' })} />
      )}
    </>
  );
}
