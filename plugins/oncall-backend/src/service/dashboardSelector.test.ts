import { InputError } from '@backstage/errors';
import { DashboardFields, parseDashboardSelector } from './dashboardSelector';

const golden: DashboardFields = {
  title: 'Listings Service – Golden signals',
  tags: ['listings-service', 'golden-signals'],
  folderTitle: 'Listings',
};
const db: DashboardFields = {
  title: 'Listings DB',
  tags: ['postgresql'],
  folderTitle: 'Databases',
};

describe('parseDashboardSelector', () => {
  it.each([
    ["tags @> 'listings-service'", [true, false]],
    ["tags @> 'listings-service' || title == 'Listings DB'", [true, true]],
    ["tags @> 'golden-signals' && folderTitle == 'Listings'", [true, false]],
    ["folderTitle != 'Listings'", [false, true]],
    ["title == 'it\\'s'", [false, false]],
  ])('%s', (selector, expected) => {
    const matches = parseDashboardSelector(selector as string);
    expect([matches(golden), matches(db)]).toEqual(expected);
  });

  it.each(["tags == 'x'", "uid == 'x'", 'tags @> x', "title @> 'x'", ''])(
    'refuses %j',
    selector => {
      expect(() => parseDashboardSelector(selector)).toThrow(InputError);
    },
  );
});
