import type { TFunction } from 'i18next';
import type { Catalog, CommandResponse, Language, Procedure } from '../../contract';
import { QrImage } from '../components/qr-image';
import { Screen } from '../components/screen';

type Guide = CommandResponse<'procedure.list'>;

/** The procedures of the center by field; a search button leads to the search screen. */
export function GuideListScreen({ t, catalog, guide, language, onOpen, onSearch, nav }: { t: TFunction; catalog: Catalog; guide: Guide; language: Language; onOpen: (p: Procedure) => void; onSearch: () => void; nav: preact.ComponentChildren }) {
  return (
    <Screen title={t('guide.title')} info={<p class="lead">{t('guide.choose')}</p>} nav={nav}>
      <button type="button" class="tile secondary" data-action="search-procedure" onClick={onSearch}>
        {t('search.open')}
      </button>
      {catalog.fields.map((f) => {
        const inField = guide.procedures.filter((p) => p.fieldId === f.id);
        if (!inField.length) return null;
        return (
          <section class="guide-field">
            <h2>{f.name[language]}</h2>
            <div class="services">
              {inField.map((p) => (
                <button type="button" class="tile primary" data-procedure={p.id} onClick={() => onOpen(p)}>
                  {p.name[language]}
                </button>
              ))}
            </div>
          </section>
        );
      })}
    </Screen>
  );
}

const money = (amount: number, language: Language) => new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : language, { style: 'currency', currency: 'VND' }).format(amount);

/** What to bring, what it costs, how long it takes, where to go, and whether it can be done online. */
export function GuideDetailScreen({ t, guide, procedure: p, language, onTakeNumber, onBook, nav }: { t: TFunction; guide: Guide; procedure: Procedure; language: Language; onTakeNumber: (serviceId: string) => void; onBook?: (p: Procedure) => void; nav: preact.ComponentChildren }) {
  const fee = p.fee.kind === 'free' ? t('guide.free') : p.fee.kind === 'fixed' ? money(p.fee.amountVnd, language) : t('guide.feeByProvince');
  return (
    <Screen
      title={p.name[language]}
      info={<p class="lead">{p.summary[language]}</p>}
      nav={nav}
      footer={
        <div class="actions">
          <button type="button" class="tile primary" data-action="take-number" onClick={() => onTakeNumber(p.serviceId)}>
            {t('guide.takeNumber')}
          </button>
          {onBook && (
            <button type="button" class="tile secondary" data-action="book" onClick={() => onBook(p)}>
              {t('booking:screen.bookTime')}
            </button>
          )}
        </div>
      }
    >
      <section class="guide-detail">
        <h2>{t('guide.documents')}</h2>
        <ol class="documents">
          {p.documents.map((d) => (
            <li>
              {d.name[language]} — {t(`guide.form.${d.form}`)}
              {d.copies > 1 ? ` × ${d.copies}` : ''}
              {d.note && <span class="note"> ({d.note[language]})</span>}
            </li>
          ))}
        </ol>
        <dl class="facts">
          <dt>{t('guide.fee')}</dt>
          <dd data-testid="fee">
            {fee}
            {p.fee.note && ` — ${p.fee.note[language]}`}
          </dd>
          <dt>{t('guide.time')}</dt>
          <dd>{p.processingTime.text[language]}</dd>
          <dt>{t('guide.onlineLabel')}</dt>
          <dd>{p.online.available ? (p.online.extent === 'full' ? t('guide.onlineFull') : t('guide.onlinePartial')) : t('guide.onlineNone')}</dd>
        </dl>
        {p.online.available && <QrImage text={p.online.url} label={t('guide.onlineQr')} size={280} />}
        <p class="notice">{guide.disclaimer[language]}</p>
      </section>
    </Screen>
  );
}
