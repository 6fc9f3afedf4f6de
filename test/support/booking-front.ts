/**
 * A small booking center over real HTTP, speaking sync protocol v2's booking messages
 * (src/contract/sync/booking.ts), in front of the reference center: booking and home-visit
 * requests are answered here, everything else (enrolment, heartbeats, leases, stream) is piped to
 * the real center. Each slot has `places` places; the last one goes once; writes are idempotent
 * by requestId. It keeps what the robot sent so a test can check what reached "the center".
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BookingRequest, HomeVisitRequest, SERVER_TIME_HEADER, type BookingResponse, type HomeVisitResponse } from '../../src/contract/sync';

export interface BookingFront {
  url: string;
  /** Requests as received (the center alone may see the personal data). */
  bookings: BookingRequest[];
  visits: HomeVisitRequest[];
  /** Takes the places left of a slot (another robot or the web booked them). */
  fill(day: string, time: string): void;
  close(): Promise<void>;
}

export interface FrontOptions {
  centerPort: number;
  now: () => number;
  /** The signed QR for an appointment (the reference center's signer). */
  qrFor: (a: BookingResponse['appointment']) => string;
  days: string[];
  times?: string[];
  places?: number;
  daysAhead?: number;
}

const mask = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-3)}`;

export async function startBookingFront(o: FrontOptions): Promise<BookingFront> {
  const times = o.times ?? ['08:00', '08:30', '09:00', '14:00'];
  const left = new Map<string, number>();
  for (const d of o.days) for (const t of times) left.set(`${d} ${t}`, o.places ?? 2);
  const answered = new Map<string, unknown>();
  const bookings: BookingRequest[] = [];
  const visits: HomeVisitRequest[] = [];
  let seq = 0;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', [SERVER_TIME_HEADER]: String(o.now()) });
    res.end(JSON.stringify(body));
  };
  const readJson = async (req: IncomingMessage): Promise<unknown> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  };

  const book = (body: unknown): [number, unknown] => {
    const r = BookingRequest.safeParse(body);
    if (!r.success) return [400, { error: { code: 'INVALID_PAYLOAD' } }];
    if (answered.has(r.data.requestId)) return [200, answered.get(r.data.requestId)];
    const key = `${r.data.day} ${r.data.time}`;
    const places = left.get(key);
    if (places === undefined) return [409, { error: { code: 'BOOKING_SLOT_UNAVAILABLE' } }];
    if (places < 1) return [409, { error: { code: 'BOOKING_SLOT_FULL' } }];
    left.set(key, places - 1);
    bookings.push(r.data);
    const appointment = { code: `LH-9${String(++seq).padStart(5, '0')}`, serviceId: r.data.serviceId, day: r.data.day, time: r.data.time, status: 'booked' as const, maskedName: r.data.name ? `${r.data.name[0]}***` : '' };
    const answer: BookingResponse = { appointment, qrText: o.qrFor(appointment), counterGroup: 'Quầy 1–2', maskedPhone: mask(r.data.phone), serverTime: o.now() };
    answered.set(r.data.requestId, answer);
    return [200, answer];
  };
  const visit = (body: unknown, host: string): [number, unknown] => {
    const r = HomeVisitRequest.safeParse(body);
    if (!r.success) return [400, { error: { code: 'INVALID_PAYLOAD' } }];
    if (answered.has(r.data.requestId)) return [200, answered.get(r.data.requestId)];
    visits.push(r.data);
    const visitId = `HV-${++seq}`;
    const answer: HomeVisitResponse = {
      visit: { visitId, serviceId: r.data.serviceId, category: r.data.category, status: 'requested', preferredDays: r.data.preferredDays, scheduled: null, maskedPhone: mask(r.data.phone), language: r.data.language },
      statusUrl: `http://${host}/visits/${visitId}`,
      serverTime: o.now(),
    };
    answered.set(r.data.requestId, answer);
    return [200, answer];
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://front');
    const mine = url.pathname.startsWith('/v1/booking/') || url.pathname === '/v1/home-visits';
    if (!mine) return pipe(req, res, o.centerPort);
    if (!/^Bearer \S{32,}$/.test(req.headers.authorization ?? '')) return send(res, 401, { error: { code: 'SYNC_NOT_ENROLLED' } });
    void (async () => {
      if (url.pathname === '/v1/booking/options') return send(res, 200, { daysAhead: o.daysAhead ?? 5, homeVisitCategories: ['elderly', 'disability'], retentionDays: 90, serverTime: o.now() });
      if (url.pathname === '/v1/booking/slots') {
        const from = url.searchParams.get('from') ?? '';
        const slots = [...left].filter(([k]) => k >= from).map(([k, placesLeft]) => ({ day: k.slice(0, 10), time: k.slice(11), placesLeft }));
        return send(res, 200, { serviceId: url.searchParams.get('serviceId'), counterGroup: 'Quầy 1–2', slots, serverTime: o.now() });
      }
      const body = await readJson(req);
      const [status, answer] = url.pathname === '/v1/home-visits' ? visit(body, req.headers.host ?? 'front') : book(body);
      send(res, status, answer);
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    bookings,
    visits,
    fill: (day, time) => left.set(`${day} ${time}`, 0),
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

function pipe(req: IncomingMessage, res: ServerResponse, port: number): void {
  const up = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  up.on('error', () => res.destroy());
  req.pipe(up);
}
