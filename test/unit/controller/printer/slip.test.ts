import { decodeJob } from '../../../../hardware/sim/virtual-printer/server';
import { LANGUAGES } from '../../../../src/contract';
import { DEMO_CATALOG } from '../../../../src/controller/config/demo-catalog';
import { slipJobBuilder } from '../../../../src/controller/devices/printer/ticket/slip-job';
import { renderSlip, type AppointmentSlip, type HomeVisitSlip } from '../../../../src/controller/devices/printer/ticket/render-slip';
import { qrOnPaper } from '../../../support/paper-qr';

// as long as a signed appointment QR gets (payload with a masked name, Ed25519 signature)
const QR = `LR1A.${'eyJhIjoiQkstN0s5UjJNNFgiLCJzIjoiYmlydGgtcmVnaXN0cmF0aW9uIiwidCI6MTc5NjUxMDYwMH0'.repeat(2)}.${'s'.repeat(86)}`;
const service = DEMO_CATALOG.services.find((s) => s.id === 'birth-registration')!;
const appointment = (language: AppointmentSlip['language']): AppointmentSlip => ({
  kind: 'appointment', language, centerName: DEMO_CATALOG.centerName, serviceName: service.name, when: { date: 'Thứ Ba, 1 tháng 12, 2026', time: '08:30' },
  counterGroup: 'Quầy 1, Quầy 2', code: 'BK-7K9R2M4X', documents: ['Tờ khai đăng ký khai sinh (bản chính)', 'Giấy chứng sinh (bản chính)'], qrText: QR,
});
const visit: HomeVisitSlip = {
  kind: 'home-visit', language: 'ko', centerName: DEMO_CATALOG.centerName, serviceName: service.name, category: 'elderly', preferredDays: ['12. 1.', '12. 3.'], maskedPhone: '09•••••678',
  statusUrl: 'http://192.168.1.20:8080/v/Zq3k9VbX2mP7wL4nR8tY',
};

describe('appointment and home-visit slips (issue 18)', () => {
  it.each([576, 384])('the printed bytes decode to paper whose QR is the center\'s text, at %i dots', (width) => {
    const job = slipJobBuilder({ adapter: 'tcp', host: '127.0.0.1', port: 9100, profile: 'epson-tm-t20', widthDots: width, cut: 'partial', qr: 'raster' } as never)(appointment('en'));
    expect(qrOnPaper(decodeJob(job, width).png)).toBe(QR);
    const visitJob = slipJobBuilder({ adapter: 'tcp', host: '127.0.0.1', port: 9100, profile: 'epson-tm-t20', widthDots: width, cut: 'partial', qr: 'raster' } as never)(visit);
    expect(qrOnPaper(decodeJob(visitJob, width).png)).toBe(visit.statusUrl);
  });

  it.each(LANGUAGES.map((l) => [l]))('%s: every line of the slip stays inside the paper and no two lines overlap', (language) => {
    const d = renderSlip(appointment(language), 384);
    for (const boxes of [d.layout.top, d.layout.bottom]) {
      const lines = boxes.filter((b) => b.kind !== 'rule');
      for (const b of lines) expect({ text: b.text, inside: b.x >= 0 && b.x + b.width <= 384 }).toEqual({ text: b.text, inside: true });
      for (let i = 1; i < lines.length; i++) expect({ text: lines[i]!.text, below: lines[i]!.y >= lines[i - 1]!.y + lines[i - 1]!.height - 1 }).toEqual({ text: lines[i]!.text, below: true });
    }
  });
});
