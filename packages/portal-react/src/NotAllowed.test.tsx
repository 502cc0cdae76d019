import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { NotAllowed } from './NotAllowed';

describe('NotAllowed', () => {
  it('says who the data is for, titled "Not allowed" unless told', async () => {
    await renderInTestApp(<NotAllowed message="For on-call engineers." />);
    expect(screen.getByText(/Not allowed/)).toBeInTheDocument();
    expect(screen.getByText('For on-call engineers.')).toBeInTheDocument();
  });

  it('takes another title', async () => {
    await renderInTestApp(
      <NotAllowed title="Platform admins only" message="The audit trail." />,
    );
    expect(screen.getByText(/Platform admins only/)).toBeInTheDocument();
    expect(screen.queryByText(/Not allowed/)).not.toBeInTheDocument();
  });
});
