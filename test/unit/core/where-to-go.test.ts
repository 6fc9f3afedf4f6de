import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { counterLabelsFor } from '../../../src/core/where-to-go';

describe('where a ticket holder goes', () => {
  it('is every counter of the service\'s counter group, in catalog order', () => {
    expect(counterLabelsFor(DEMO_CATALOG, 'birth-registration')).toEqual(['Quầy 1', 'Quầy 2']);
    // construction permits are handled by the land counters
    expect(counterLabelsFor(DEMO_CATALOG, 'house-building-permit')).toEqual(['Quầy 4']);
  });

  it('is nothing for an unknown service or a catalog without counters', () => {
    expect(counterLabelsFor(DEMO_CATALOG, 'no-such-service')).toEqual([]);
    expect(counterLabelsFor({ ...DEMO_CATALOG, counters: [] }, 'birth-registration')).toEqual([]);
  });
});
