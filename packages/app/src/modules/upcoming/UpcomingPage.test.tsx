import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { upcomingFeatures } from './features';
import { UpcomingPage } from './UpcomingPage';

describe('UpcomingPage', () => {
  it.each(Object.entries(upcomingFeatures))(
    'says plainly that %s has no data yet and what it will show',
    async (_, feature) => {
      await renderInTestApp(<UpcomingPage feature={feature} />);
      expect(screen.getByText('Not available yet')).toBeInTheDocument();
      expect(screen.getByText(feature.purpose)).toBeInTheDocument();
      for (const item of feature.contents) {
        expect(screen.getByText(item)).toBeInTheDocument();
      }
      expect(
        screen.getByText(
          new RegExp(feature.annotations[0].replace('.', '\\.')),
        ),
      ).toBeInTheDocument();
    },
  );
});
