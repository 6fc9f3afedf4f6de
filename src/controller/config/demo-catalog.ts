import { Catalog } from '../../contract';

/**
 * The demo ward center used by the simulator profile. A real center's catalog comes from
 * `catalogFile` or, once synced, from the center itself.
 */
export const DEMO_CATALOG: Catalog = Catalog.parse({
  centerName: {
    vi: 'Trung tâm Phục vụ hành chính công phường An Khánh',
    en: 'An Khanh Ward Public Administration Service Center',
    zh: '安庆坊公共行政服务中心',
    ko: '안카인 동 공공행정서비스센터',
    ja: 'アンカイン坊 行政サービスセンター',
  },
  fields: [
    { id: 'civil-status', name: { vi: 'Hộ tịch – Tư pháp', en: 'Civil status – Justice', zh: '户籍 – 司法', ko: '호적 – 사법', ja: '戸籍・司法' } },
    { id: 'certification', name: { vi: 'Chứng thực', en: 'Certification', zh: '认证', ko: '공증', ja: '認証' } },
    { id: 'land', name: { vi: 'Đất đai – Xây dựng', en: 'Land – Construction', zh: '土地 – 建设', ko: '토지 – 건설', ja: '土地・建設' } },
    { id: 'results', name: { vi: 'Trả kết quả', en: 'Result pick-up', zh: '领取结果', ko: '결과 수령', ja: '結果の受け取り' } },
  ],
  services: [
    {
      id: 'birth-registration', fieldId: 'civil-status', prefix: 'A', counterGroup: 'civil-status', expectedServiceMinutes: 15,
      name: { vi: 'Đăng ký khai sinh', en: 'Birth registration', zh: '出生登记', ko: '출생 등록', ja: '出生届' },
    },
    {
      id: 'marriage-registration', fieldId: 'civil-status', prefix: 'A', counterGroup: 'civil-status', expectedServiceMinutes: 15,
      name: { vi: 'Đăng ký kết hôn', en: 'Marriage registration', zh: '结婚登记', ko: '혼인 등록', ja: '婚姻届' },
    },
    {
      id: 'copy-certification', fieldId: 'certification', prefix: 'B', counterGroup: 'certification', expectedServiceMinutes: 5,
      name: { vi: 'Chứng thực bản sao từ bản chính', en: 'Certified copy from the original', zh: '原件复印件认证', ko: '원본 사본 공증', ja: '原本からの写しの認証' },
    },
    {
      id: 'land-registration', fieldId: 'land', prefix: 'C', counterGroup: 'land', expectedServiceMinutes: 15,
      name: { vi: 'Đăng ký đất đai', en: 'Land registration', zh: '土地登记', ko: '토지 등록', ja: '土地登記' },
    },
    {
      id: 'result-pickup', fieldId: 'results', prefix: 'R', counterGroup: 'results', expectedServiceMinutes: 3,
      name: { vi: 'Nhận kết quả hồ sơ', en: 'Collect a result', zh: '领取办理结果', ko: '처리 결과 수령', ja: '結果の受け取り' },
    },
  ],
  counters: [
    { id: 'counter-1', label: 'Quầy 1', counterGroup: 'civil-status', closesForLunch: true },
    { id: 'counter-2', label: 'Quầy 2', counterGroup: 'civil-status', closesForLunch: true },
    { id: 'counter-3', label: 'Quầy 3', counterGroup: 'certification', closesForLunch: true },
    { id: 'counter-4', label: 'Quầy 4', counterGroup: 'land', closesForLunch: true },
    // result pick-up stays open through lunch so people on their break can collect
    { id: 'counter-5', label: 'Quầy 5', counterGroup: 'results', closesForLunch: false },
  ],
  openingHours: {
    mon: { open: '07:30', close: '17:00', lunch: { start: '11:30', end: '13:30' } },
    tue: { open: '07:30', close: '17:00', lunch: { start: '11:30', end: '13:30' } },
    wed: { open: '07:30', close: '17:00', lunch: { start: '11:30', end: '13:30' } },
    thu: { open: '07:30', close: '17:00', lunch: { start: '11:30', end: '13:30' } },
    fri: { open: '07:30', close: '17:00', lunch: { start: '11:30', end: '13:30' } },
    sat: { open: '07:30', close: '11:30' },
    sun: null,
  },
  // public holidays of Viet Nam the center is closed on (Tết, Hùng Kings, 30/4, 1/5, 2/9)
  holidays: [
    '2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27',
    '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02', '2027-01-01', '2027-02-05', '2027-02-06', '2027-02-08',
    '2027-02-09', '2027-02-10', '2027-02-11',
  ],
  numbering: { start: 1, width: 3, dailyCap: 999, fallbackSlots: 4, fallbackSize: 50, blockSize: 20 },
});
