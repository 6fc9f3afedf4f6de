/**
 * Staff sign-in for the counter and fleet pages: one form, the key posted once (never in a URL),
 * answered with an HttpOnly session cookie for the working day. Until then the page shows only
 * the form; when the session ends (expired, revoked) the form comes back.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { api, codeOf, type PageErrorCode } from './api';
import { ErrorLine, usePage } from './frame';

interface Staff {
  /** Call with any failure: a refused session brings the sign-in form back. */
  failed(e: unknown): PageErrorCode;
}

const StaffCtx = createContext<Staff>({ failed: codeOf });
export const useStaff = () => useContext(StaffCtx);

function SignIn({ onDone }: { onDone: () => void }) {
  const { t } = usePage();
  const [key, setKey] = useState('');
  const [error, setError] = useState<PageErrorCode>();
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await api('/v1/staff/session', { method: 'POST', body: { key: key.trim() } });
      setKey('');
      onDone();
    } catch (err) {
      setError(codeOf(err));
    }
  };
  return (
    <form class="card sign-in" onSubmit={submit}>
      <h2>{t('signIn.title')}</h2>
      <label>
        <span>{t('signIn.key')}</span>
        <input id="staff-key" type="password" autocomplete="current-password" maxLength={200} value={key}
          onInput={(e) => setKey((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit" disabled={!key.trim()}>{t('signIn.submit')}</button>
      <p class="hint">{t('signIn.hint')}</p>
      <ErrorLine code={error} />
    </form>
  );
}

export function SignOut({ onDone }: { onDone: () => void }) {
  const { t } = usePage();
  return <button class="secondary" id="sign-out" onClick={() => void api('/v1/staff/session', { method: 'DELETE' }).finally(onDone)}>{t('signIn.signOut')}</button>;
}

export function StaffGate({ children }: { children: (signOut: () => void) => ComponentChildren }) {
  const [state, setState] = useState<'checking' | 'in' | 'out'>('checking');
  useEffect(() => {
    api('/v1/staff/session').then(() => setState('in'), () => setState('out'));
  }, []);
  const failed = useCallback((e: unknown) => {
    const code = codeOf(e);
    if (code === 'CENTER_STAFF_UNAUTHORIZED') setState('out');
    return code;
  }, []);
  if (state === 'checking') return null;
  if (state === 'out') return <SignIn onDone={() => setState('in')} />;
  return <StaffCtx.Provider value={{ failed }}>{children(() => setState('out'))}</StaffCtx.Provider>;
}
