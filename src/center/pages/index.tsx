/** The center's home page: links to the counter, the lobby display, the fleet and the statistics. */
import { Header, mount, usePage } from './frame';

function IndexPage() {
  const { t } = usePage();
  return (
    <>
      <Header title={t('index.title')} />
      <main class="page">
        <nav class="card links">
          <a href="/counter">{t('index.counter')}</a>
          <a href="/display">{t('index.display')}</a>
          <a href="/fleet">{t('index.fleet')}</a>
          <a href="/visits">{t('index.visits')}</a>
          <a href="/stats">{t('index.stats')}</a>
        </nav>
      </main>
    </>
  );
}

mount(IndexPage);
