import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { HeadlineNumber } from './HeadlineNumber';

describe('HeadlineNumber', () => {
  it('shows the label with the number right after it', async () => {
    await renderInTestApp(
      <HeadlineNumber label="Budget exhausted" value={3} color="#c62828" />,
    );
    expect(screen.getByText('Budget exhausted').nextSibling).toHaveTextContent(
      '3',
    );
  });

  it('adds a note when given and can be named', async () => {
    await renderInTestApp(
      <HeadlineNumber
        label="Gold"
        value="12"
        note="of 40 components"
        aria-label="Gold components"
      />,
    );
    expect(screen.getByLabelText('Gold components')).toHaveTextContent(
      'Gold12of 40 components',
    );
  });
});
