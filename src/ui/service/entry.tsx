import type { i18n } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api-client';
import { ServiceMode } from './service-mode';

/** How long the hidden corner must be held: long enough that no citizen does it by accident. */
export const LONG_PRESS_MS = 5000;

/**
 * The hidden ways into service mode: a 5 s press in the top-left corner, or a technician badge
 * scanned on any scanner. Both only open the PIN pad; the controller decides the rest.
 */
export function ServiceEntry({ api, i18n }: { api: ApiClient; i18n: i18n }) {
  const [open, setOpen] = useState<'gesture' | 'badge' | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(
    () =>
      api.on('code.scanned', (e) => {
        if (e.code?.format === 'badge') setOpen((o) => o ?? 'badge');
      }),
    [api],
  );

  // one function for the component's life: ServiceMode's effects depend on it, and a new one on
  // each render would restart them (the keep-alive's clock among them)
  const close = useCallback(() => setOpen(undefined), []);
  const cancel = () => clearTimeout(timer.current);
  const hold = (e: Event) => {
    e.stopPropagation();
    e.preventDefault();
    cancel();
    timer.current = setTimeout(() => setOpen('gesture'), LONG_PRESS_MS);
  };

  return (
    <>
      <div
        class="service-corner"
        data-testid="service-corner"
        aria-hidden="true"
        style="position:fixed;top:0;left:0;width:64px;height:64px;z-index:900;touch-action:none;"
        onPointerDown={hold}
        onPointerUp={cancel}
        onPointerLeave={cancel}
        onPointerCancel={cancel}
        onClick={(e) => e.stopPropagation()}
      />
      {open && <ServiceMode api={api} i18n={i18n} via={open} onClose={close} />}
    </>
  );
}
