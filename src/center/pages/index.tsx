/** The center's home page: links to the counter, the lobby display, the fleet and the statistics. */
import { inBranch } from './api';
import { Header, mount, usePage } from './frame';

function IndexPage() {
  const { t } = usePage();
  return (
    <>
      <Header title={t('index.title')} />
      <main class="page">
        <nav class="card links">
          <a href={inBranch('/counter')}>{t('index.counter')}</a>
          <a href={inBranch('/display')}>{t('index.display')}</a>
          <a href={inBranch('/fleet')}>{t('index.fleet')}</a>
          <a href={inBranch('/visits')}>{t('index.visits')}</a>
          <a href={inBranch('/stats')}>{t('index.stats')}</a>
        </nav>
      </main>
    </>
  );
}

mount(IndexPage);
