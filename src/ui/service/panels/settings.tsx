import type { TFunction } from 'i18next';
import { useState } from 'preact/hooks';
import { LANGUAGES, type CommandResponse, type ServiceSettingKey } from '../../../contract';
import type { PanelProps } from '../panels';
import type { SessionCall } from '../session-api';

type Result = CommandResponse<'service.settings.set'>;

/** Sends one setting; the controller validates it against the whole config schema. */
export function useSetting(call: SessionCall, onError: (e: unknown) => void, after?: () => void) {
  const [result, setResult] = useState<Result | undefined>();
  const set = (key: ServiceSettingKey, value: number | string | null) => {
    call('service.settings.set', { key, value }).then(
      (r) => (setResult(r), after?.()),
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

export function SettingsPanel({ t, call, onError }: PanelProps) {
  const setting = useSetting(call, onError);
  const [values, setValues] = useState<Record<string, string>>({});
  const [pin, setPin] = useState('');
  const [pinDone, setPinDone] = useState(false);
  const field = (key: ServiceSettingKey, label: string, input: preact.JSX.Element) => (
    <div class="service-row">
      <label>
        {label} {input}
      </label>
      <button type="button" data-save={key} onClick={() => setting.set(key, key === 'defaultLanguage' ? values[key] ?? 'vi' : Number(values[key]))}>
        {t('settings.save')}
      </button>
    </div>
  );
  const onValue = (key: string) => (e: Event) => setValues((v) => ({ ...v, [key]: (e.target as HTMLInputElement).value }));
  return (
    <>
      <section>
        {field('service.inactivitySeconds', t('settings.inactivity'), <input type="number" min={30} max={3600} data-setting="service.inactivitySeconds" onInput={onValue('service.inactivitySeconds')} />)}
        {field('screen.idleSeconds', t('settings.idleSeconds'), <input type="number" min={15} max={600} data-setting="screen.idleSeconds" onInput={onValue('screen.idleSeconds')} />)}
        {field(
          'defaultLanguage',
          t('settings.defaultLanguage'),
          <select data-setting="defaultLanguage" onChange={onValue('defaultLanguage')}>
            {LANGUAGES.map((l) => (
              <option value={l}>{l}</option>
            ))}
          </select>,
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
                () => (setPin(''), setPinDone(true)),
                (e: unknown) => onError(e),
              )
            }
          >
            {t('settings.changePin')}
          </button>
        </div>
        {pinDone && <p role="status">{t('settings.pinChanged')}</p>}
      </section>
    </>
  );
}
