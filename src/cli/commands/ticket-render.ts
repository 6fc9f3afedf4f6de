import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LANGUAGES, type Language } from '../../contract';
import { DEMO_CATALOG } from '../../controller/config/demo-catalog';
import { bitmapToPng } from '../../controller/devices/printer/ticket/bitmap-png';
import { renderTicket, ticketBitmap } from '../../controller/devices/printer/ticket/render-ticket';
import { parseOptions, UsageError } from '../args';
import type { CliIo } from '../io';

const USAGE = 'usage: lobby-robot ticket render --lang vi|en|zh|ko|ja --number A007 --out F.png [--width 576|384] [--service ID] [--url URL]';

/** `lobby-robot ticket render`: draws one ticket of the demo catalog to a PNG, exactly as it is printed. */
export async function ticketRender(args: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseOptions(args, {
      lang: { type: 'string' }, number: { type: 'string' }, out: { type: 'string' }, width: { type: 'string' }, service: { type: 'string' }, url: { type: 'string' },
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const lang = values.lang ?? 'vi';
    if (!(LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`--lang: one of ${LANGUAGES.join(', ')}`);
    if (!values.number || !/^[A-Z]{0,2}\d{1,6}$/.test(values.number)) throw new UsageError('--number: a ticket number like A007');
    if (!values.out) throw new UsageError('--out: the PNG file to write');
    const width = Number(values.width ?? 576);
    if (width !== 576 && width !== 384) throw new UsageError('--width: 576 (80 mm) or 384 (58 mm)');
    const service = DEMO_CATALOG.services.find((s) => s.id === (values.service ?? DEMO_CATALOG.services[0]!.id));
    if (!service) throw new UsageError(`--service: one of ${DEMO_CATALOG.services.map((s) => s.id).join(', ')}`);
    const drawing = renderTicket(
      {
        language: lang as Language, centerName: DEMO_CATALOG.centerName, display: values.number, serviceName: service.name,
        issuedAt: new Date(), statusUrl: values.url ?? `https://hcc.example.vn/t/${values.number}`,
      },
      width,
    );
    const out = resolve(io.cwd, values.out);
    writeFileSync(out, bitmapToPng(ticketBitmap(drawing)));
    io.stdout(`wrote ${out}`);
    return 0;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`${e.message}\n${USAGE}`);
    return 64;
  }
}
