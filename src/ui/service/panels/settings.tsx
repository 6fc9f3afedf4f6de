import type { TFunction } from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, type CommandResponse, type Language, type ServiceSettingKey } from '../../../contract';
import { LANGUAGE_NAMES } from '../../languages';
import type { PanelProps } from '../panels';
import type { SessionCall } from '../session-api';
import { usePoll } from '../use-poll';

type Result = CommandResponse<'service.settings.set'>;

/** Sends one setting; the controller validates it against the whole config schema. A success clears an earlier error. */
export function useSetting(call: SessionCall, onError: (e: unknown) => void, clearError: () => void, after?: (key: ServiceSettingKey, value: number | string | null, result: Result) => void) {
  const [result, setResult] = useState<Result | undefined>();
  const set = (key: ServiceSettingKey, value: number | string | null) => {
    call('service.settings.set', { key, value }).then(
      (r) => (setResult(r), clearError(), after?.(key, value, r)),
      (e: unknown) => (setResult(undefined), onError(e)),
    );
  };
  return { result, set };
}

/** Applied now, or a clear prompt to restart; and whether it reached the config file. */
export function SettingResult({ t, result }: { t: TFunction; result: Result | undefined }) {
  if (!result) return null;
  return (
    <p role="status" data-testid="setting-result" data-applied={result.applied}>
      {t(result.applied === 'live' ? 'settings.appliedLive' : 'settings.restartNeeded')} {!result.persisted && t('settings.notPersisted')}
    </p>
  );
}

type Saved = CommandResponse<'service.settings.get'>['values'];

/** The saved value beside its field, so a technician sees what is set before changing it. */
function Current({ t, saved, name, show }: { t: TFunction; saved: Saved | undefined; name: ServiceSettingKey; show?: (v: string | number) => string }) {
  const v = saved?.[name];
  if (v === undefined) return null;
  const text = v === null ? t('labels.default') : show ? show(v) : String(v);
  return <small class="service-current" data-current={name}>{t('labels.current', { value: text })}</small>;
}

/** The saved settings; a value the controller has just saved shows at once, with the result, until the read-back arrives. */
function useSavedSettings(call: SessionCall, onError: (e: unknown) => void, clearError: () => void) {
  const [saved, reload] = usePoll(() => call('service.settings.get', {}), 0, onError);
  const [justSaved, setJustSaved] = useState<Partial<Saved>>({});
  useEffect(() => setJustSaved({}), [saved]);
  const setting = useSetting(call, onError, clearError, (key, v, r) => (r.persisted && setJustSaved((j) => ({ ...j, [key]: v })), reload()));
  return { saved, shown: saved && { ...saved.values, ...justSaved }, setting };
}

export function SettingsPanel({ t, call, onError, clearError }: PanelProps) {
  const { saved, shown, setting } = useSavedSettings(call, onError, clearError);
  const [values, setValues] = useState<Record<string, string>>({});
  const [pin, setPin] = useState('');
  const [pinDone, setPinDone] = useState(false);
  const value = (key: ServiceSettingKey) => values[key] ?? (saved?.values[key] === null || saved?.values[key] === undefined ? '' : String(saved.values[key]));
  const field = (key: ServiceSettingKey, label: string, input: preact.JSX.Element, show?: (v: string | number) => string) => (
    <div class="service-row">
      <label>
        {label} {input}
      </label>
      <button type="button" data-save={key} onClick={() => setting.set(key, key === 'defaultLanguage' ? value(key) || 'vi' : Number(value(key)))}>
        {t('settings.save')}
      </button>
      <Current t={t} saved={shown} name={key} show={show} />
    </div>
  );
  const onValue = (key: string) => (e: Event) => setValues((v) => ({ ...v, [key]: (e.target as HTMLInputElement).value }));
  return (
    <>
      <section>
        {field('service.inactivitySeconds', t('settings.inactivity'), <input type="number" min={30} max={3600} data-setting="service.inactivitySeconds" value={value('service.inactivitySeconds')} onInput={onValue('service.inactivitySeconds')} />)}
        {field('screen.idleSeconds', t('settings.idleSeconds'), <input type="number" min={15} max={600} data-setting="screen.idleSeconds" value={value('screen.idleSeconds')} onInput={onValue('screen.idleSeconds')} />)}
        {field(
          'defaultLanguage',
          t('settings.defaultLanguage'),
          <select data-setting="defaultLanguage" value={value('defaultLanguage')} onChange={onValue('defaultLanguage')}>
            {LANGUAGES.map((l) => (
              <option value={l} lang={l}>{LANGUAGE_NAMES[l]}</option>
            ))}
          </select>,
          (v) => LANGUAGE_NAMES[v as Language] ?? String(v),
        )}
        <SettingResult t={t} result={setting.result} />
      </section>
      <section>
        <div class="service-row">
          <label>
            {t('settings.newPin')} <input type="password" inputMode="numeric" pattern="[0-9]*" maxLength={12} value={pin} data-setting="pin" onInput={(e) => setPin((e.target as HTMLInputElement).value)} />
          </label>
          <button
            type="button"
            data-action="change-pin"
            onClick={() =>
              call('service.pin.change', { pin }).then(
                () => (setPin(''), setPinDone(true), clearError()),
                (e: unknown) => (setPinDone(false), onError(e)),
              )
            }
          >
            {t('settings.changePin')}
          </button>
        </div>
        {pinDone && <p role="status" data-testid="pin-changed">{t('settings.pinChanged')}</p>}
      </section>
    </>
  );
}
