/** What the slips say, gathered from the center's answer, the catalog and the procedure guide. */
import type { BookingBookRequest, Catalog, HomeVisitCommandRequest, Language, ProcedureGuide } from '../../contract';
import type { BookingResponse, HomeVisitResponse } from '../../contract/sync';
import { slotInstant } from '../../core/appointments/check-in';
import { centerClockFormat } from '../../core/clock-format';
import type { AppointmentSlip, HomeVisitSlip } from '../devices/printer/ticket/render-slip';

export interface SlipSources {
  catalog: () => Catalog;
  procedures: () => ProcedureGuide;
}

const FORMS: Record<string, Record<Language, string>> = {
  original: { vi: 'bản chính', en: 'original', zh: '原件', ko: '원본', ja: '原本' },
  copy: { vi: 'bản sao', en: 'copy', zh: '复印件', ko: '사본', ja: '写し' },
  'certified-copy': { vi: 'bản sao chứng thực', en: 'certified copy', zh: '公证复印件', ko: '공증 사본', ja: '認証謄本' },
  present: { vi: 'xuất trình', en: 'to show', zh: '出示', ko: '제시', ja: '提示' },
};

/** The procedure booked from the guide, or the guide's first one for the service. */
function documentsFor(src: SlipSources, serviceId: string, procedureId: string | undefined, lang: Language): string[] {
  const all = src.procedures().procedures;
  const p = all.find((x) => x.id === procedureId && x.serviceId === serviceId) ?? all.find((x) => x.serviceId === serviceId);
  return (p?.documents ?? []).map((d) => `${d.name[lang]} (${FORMS[d.form]?.[lang] ?? d.form}${d.copies > 1 ? ` × ${d.copies}` : ''})`);
}

function serviceName(src: SlipSources, serviceId: string) {
  const s = src.catalog().services.find((x) => x.id === serviceId);
  return s?.name ?? { vi: serviceId, en: serviceId, zh: serviceId, ko: serviceId, ja: serviceId };
}

export function appointmentSlip(src: SlipSources, req: BookingBookRequest, r: BookingResponse, procedureId?: string): AppointmentSlip {
  const lang = req.language;
  const at = slotInstant(r.appointment.day, r.appointment.time);
  return {
    kind: 'appointment',
    language: lang,
    centerName: src.catalog().centerName,
    serviceName: serviceName(src, r.appointment.serviceId),
    when: {
      date: centerClockFormat(lang, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(at),
      time: centerClockFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(at),
    },
    counterGroup: r.counterGroup,
    code: r.appointment.code,
    documents: documentsFor(src, r.appointment.serviceId, procedureId, lang),
    qrText: r.qrText,
  };
}

export function visitSlip(src: SlipSources, req: HomeVisitCommandRequest, r: HomeVisitResponse): HomeVisitSlip {
  const lang = req.language;
  const day = (d: string) => centerClockFormat(lang, { month: 'numeric', day: 'numeric' }).format(slotInstant(d, '12:00'));
  return {
    kind: 'home-visit',
    language: lang,
    centerName: src.catalog().centerName,
    serviceName: serviceName(src, r.visit.serviceId),
    category: r.visit.category,
    preferredDays: r.visit.preferredDays.map(day),
    maskedPhone: r.visit.maskedPhone,
    statusUrl: r.statusUrl,
  };
}
