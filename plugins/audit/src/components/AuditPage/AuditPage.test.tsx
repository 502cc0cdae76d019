import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { AuditApi, AuditEvent } from '@gogidix/plugin-audit-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { auditApiRef } from '../../apiRef';
import { AuditPage } from './AuditPage';

// Rendering the app and typing into MUI fields takes seconds on a busy CI machine.

const events: AuditEvent[] = [
  {
    id: '2',
    time: '2026-11-27T09:15:02.120Z',
    completedAt: '2026-11-27T09:15:03.000Z',
    plugin: 'catalog',
    eventId: 'location-mutate',
    severity: 'medium',
    outcome: 'failed',
    actor: 'user:default/jane.doe',
    target: 'https://git.example/<img src=x onerror=alert(1)>.yaml',
    error: '<script>alert("owned")</script> is not a location',
    meta: { actionType: 'create' },
  },
  {
    id: '1',
    time: '2026-11-27T09:10:00.000Z',
    plugin: 'cost',
    eventId: 'cost-import',
    severity: 'medium',
    outcome: 'succeeded',
    actor: 'user:default/john.smith',
    target: 'october-focus.csv',
  },
];

function render(api: Partial<AuditApi>) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          auditApiRef,
          {
            listEvents: async () => ({
              items: events,
              totalCount: 2,
              offset: 0,
              limit: 25,
            }),
            exportEvents: async () => new Blob(['time\n']),
            ...api,
          },
        ],
      ]}
    >
      <AuditPage />
    </TestApiProvider>,
  );
}

describe('AuditPage', () => {
  it('shows progress while loading', async () => {
    await render({ listEvents: () => new Promise(() => {}) });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error, e.g. for a user who is not a platform admin', async () => {
    await render({
      listEvents: async () => {
        throw new Error('Not allowed to read the audit trail');
      },
    });
    expect(
      await screen.findByText('Error: Not allowed to read the audit trail'),
    ).toBeInTheDocument();
  });

  it('says when nothing matches', async () => {
    await render({
      listEvents: async () => ({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 25,
      }),
    });
    expect(await screen.findByText('No audit events')).toBeInTheDocument();
  });

  it('lists who did what on what, showing markup from input as text', async () => {
    await render({});
    const table = await screen.findByRole('table', { name: 'Audit events' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual([
      '2026-11-27 09:15:02',
      'user:default/jane.doe',
      'catalog',
      'location-mutate (create)',
      'https://git.example/<img src=x onerror=alert(1)>.yaml',
      'failed',
      '<script>alert("owned")</script> is not a location',
    ]);
    expect(table.querySelector('script, img')).toBeNull();
  });

  it('applies the filters and exports what they select', async () => {
    const listEvents = jest.fn(async () => ({
      items: events,
      totalCount: 2,
      offset: 0,
      limit: 25,
    }));
    const exportEvents = jest.fn(async () => new Blob(['[]']));
    URL.createObjectURL = jest.fn(() => 'blob:audit');
    URL.revokeObjectURL = jest.fn();
    await render({ listEvents, exportEvents });
    await screen.findByRole('table', { name: 'Audit events' });
    expect(listEvents).toHaveBeenLastCalledWith({}, { offset: 0, limit: 25 });

    fireEvent.change(screen.getByLabelText('Actor contains'), {
      target: { value: ' user:default/jane.doe ' },
    });
    fireEvent.change(screen.getByLabelText('Action'), {
      target: { value: 'location-mutate' },
    });
    fireEvent.change(screen.getByLabelText('From'), {
      target: { value: '2026-11-01' },
    });
    fireEvent.change(screen.getByLabelText('To'), {
      target: { value: '2026-11-27' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    const filters = {
      actor: 'user:default/jane.doe',
      eventId: 'location-mutate',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-28T00:00:00.000Z',
    };
    await waitFor(() =>
      expect(listEvents).toHaveBeenLastCalledWith(filters, {
        offset: 0,
        limit: 25,
      }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() =>
      expect(exportEvents).toHaveBeenCalledWith(filters, 'json'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(exportEvents).toHaveBeenCalledWith(filters, 'csv'),
    );
    expect(URL.createObjectURL).toHaveBeenCalledTimes(2);
  });

  it('pages through the events', async () => {
    const listEvents = jest.fn(async () => ({
      items: events,
      totalCount: 60,
      offset: 0,
      limit: 25,
    }));
    await render({ listEvents });
    await screen.findByRole('table', { name: 'Audit events' });
    fireEvent.click(screen.getByRole('button', { name: 'Go to next page' }));
    await waitFor(() =>
      expect(listEvents).toHaveBeenLastCalledWith(
        {},
        { offset: 25, limit: 25 },
      ),
    );
  });
});
