import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { counterLabelsFor, whereToGoText } from '../../../src/core/where-to-go';

describe('where a ticket holder goes', () => {
  it('is every counter of the service\'s counter group, in catalog order', () => {
    expect(counterLabelsFor(DEMO_CATALOG, 'birth-registration')).toEqual(['Quầy 1', 'Quầy 2']);
    // construction permits are handled by the land counters
    expect(counterLabelsFor(DEMO_CATALOG, 'house-building-permit')).toEqual(['Quầy 4']);
  });

  it('tells a foreign visitor the counter in their language and as the Vietnamese sign reads', () => {
    expect(counterLabelsFor(DEMO_CATALOG, 'birth-registration', 'en')).toEqual(['Counter 1 (Quầy 1)', 'Counter 2 (Quầy 2)']);
    expect(counterLabelsFor(DEMO_CATALOG, 'result-pickup', 'ko')).toEqual(['7번 창구 (Quầy 7)']);
    expect(counterLabelsFor(DEMO_CATALOG, 'result-pickup', 'vi')).toEqual(['Quầy 7']);
    // a counter without a translation reads as its sign
    const bare = { ...DEMO_CATALOG, counters: DEMO_CATALOG.counters.map(({ labels: _labels, ...c }) => c) };
    expect(counterLabelsFor(bare, 'result-pickup', 'ja')).toEqual(['Quầy 7']);
    expect(whereToGoText(DEMO_CATALOG, 'birth-registration')).toMatchObject({ vi: 'Quầy 1, Quầy 2', zh: '1号窗口 (Quầy 1), 2号窗口 (Quầy 2)' });
    expect(whereToGoText({ ...DEMO_CATALOG, counters: [] }, 'birth-registration')).toBeUndefined();
  });

  it('is nothing for an unknown service or a catalog without counters', () => {
    expect(counterLabelsFor(DEMO_CATALOG, 'no-such-service')).toEqual([]);
    expect(counterLabelsFor({ ...DEMO_CATALOG, counters: [] }, 'birth-registration')).toEqual([]);
  });
});
