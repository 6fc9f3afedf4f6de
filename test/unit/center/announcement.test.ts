import { announcement } from '../../../src/center/speech/announcement';

const COUNTER_1 = { vi: 'Quầy 1', en: 'Counter 1', zh: '1号窗口', ko: '1번 창구', ja: '1番窓口' };

describe('the lobby display\'s announcement', () => {
  it('says the number sign by sign and the counter\'s number in Vietnamese, once for a Vietnamese ticket', () => {
    expect(announcement('A001', COUNTER_1, 'vi')).toEqual([{ language: 'vi', text: 'Mời số A 0 0 1 đến quầy 1' }]);
    expect(announcement('A001', COUNTER_1, undefined)).toHaveLength(1);
  });

  it('adds the sentence in the ticket\'s language when the visitor chose another one', () => {
    expect(announcement('B012', COUNTER_1, 'zh')).toEqual([
      { language: 'vi', text: 'Mời số B 0 1 2 đến quầy 1' },
      { language: 'zh', text: '请 B 0 1 2 号 到 1 号窗口' },
    ]);
    expect(announcement('A001', COUNTER_1, 'en')[1]).toEqual({ language: 'en', text: 'Number A 0 0 1, please go to counter 1' });
  });

  it('reads a sign without digits whole', () => {
    const reception = { vi: 'Lễ tân', en: 'Reception', zh: '前台', ko: '안내', ja: 'うけつけ' };
    expect(announcement('C003', reception, 'ko')[1]!.text).toBe('C 0 0 3번 고객님, 안내(으)로 오십시오');
  });
});
