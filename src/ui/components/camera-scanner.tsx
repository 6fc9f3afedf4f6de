import type { TFunction } from 'i18next';
import { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode';
import { useEffect, useRef, useState } from 'preact/hooks';

let nextId = 0;

/**
 * The camera preview that reads QR codes (html5-qrcode). It exists only while a screen that
 * expects a code shows it: mounting starts the camera, unmounting stops it and frees the device,
 * so the camera is never on behind other screens. The first read is handed on once; the screen
 * unmounts it (or remounts it to scan again).
 */
export function CameraScanner({ t, onCode }: { t: TFunction; onCode: (text: string) => void }) {
  const [failed, setFailed] = useState(false);
  const id = useRef(`camera-${++nextId}`);
  const latest = useRef(onCode);
  latest.current = onCode;

  useEffect(() => {
    let done = false;
    const reader = new Html5Qrcode(id.current, { formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE], verbose: false });
    const started = reader
      .start({ facingMode: 'user' }, { fps: 8, disableFlip: false }, (text) => {
        if (done) return;
        done = true;
        latest.current(text.slice(0, 2048));
      }, () => undefined)
      .then(() => true, () => {
        setFailed(true);
        return false;
      });
    return () => {
      done = true;
      void started.then((running) => (running ? reader.stop() : undefined)).then(() => reader.clear(), () => undefined);
    };
  }, []);

  return (
    <div class="camera">
      <div id={id.current} class="camera-preview" role="img" aria-label={t('appointment.camera')} data-testid="camera-preview" />
      {failed && (
        <p class="notice" role="status" data-testid="camera-unavailable">
          {t('appointment.cameraUnavailable')}
        </p>
      )}
    </div>
  );
}
