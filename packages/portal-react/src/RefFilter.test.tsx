import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RefFilter } from './RefFilter';

describe('RefFilter', () => {
  it('offers refs as people read them and hands back the full ref', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <RefFilter
        label="Team"
        options={['group:default/listings', 'group:finance/payments']}
        value={[]}
        onChange={onChange}
      />,
    );
    await userEvent.click(screen.getByLabelText('Team'));
    expect(
      screen.getByRole('option', { name: 'listings' }),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('option', { name: 'finance/payments' }),
    );
    expect(onChange).toHaveBeenCalledWith(['group:finance/payments']);
  });
});
