import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';

/** A QR code a visitor photographs with a phone (portal link, ticket status). */
export function QrImage({ text, label, size = 320 }: { text: string; label: string; size?: number }) {
  const [src, setSrc] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { margin: 2, width: size, errorCorrectionLevel: 'M' }).then((url) => live && setSrc(url), () => undefined);
    return () => {
      live = false;
    };
  }, [text, size]);
  return src ? <img class="qr" src={src} width={size} height={size} alt={label} data-qr={text} /> : null;
}
