import { Table, TableColumn } from '@backstage/core-components';
import { OrgSloRow, StatusCounts } from '@gogidix/plugin-slo-common';
import { formatRef } from '@gogidix/portal-common';
import { EntityTabLink } from '@gogidix/portal-react';
import { burn, percent } from '../shared/format';
import { StatusChip } from '../shared/StatusChip';

type GroupRow = StatusCounts & { name: string };

const countColumns: TableColumn<GroupRow>[] = [
  { title: 'Healthy', field: 'healthy', type: 'numeric' },
  { title: 'At risk', field: 'atRisk', type: 'numeric' },
  { title: 'Exhausted', field: 'exhausted', type: 'numeric' },
  { title: 'No data', field: 'missing', type: 'numeric' },
];

export function StatusCountTable({
  title,
  rows,
}: {
  title: string;
  rows: GroupRow[];
}) {
  return (
    <Table<GroupRow>
      title={title}
      columns={[
        {
          title: title.replace(/^By /, ''),
          field: 'name',
          render: row => formatRef(row.name),
          highlight: true,
        },
        ...countColumns,
      ]}
      data={rows.map(row => ({ ...row, id: row.name }))}
      options={{ paging: false, search: false, padding: 'dense' }}
    />
  );
}

export function SloRowsTable({
  title,
  rows,
  paging,
}: {
  title: string;
  rows: OrgSloRow[];
  paging: boolean;
}) {
  const columns: TableColumn<OrgSloRow>[] = [
    {
      title: 'Service',
      render: row => <EntityTabLink entityRef={row.entityRef} tab="slo" />,
      customSort: (a, b) => a.entityRef.localeCompare(b.entityRef),
    },
    { title: 'SLO', field: 'displayName' },
    {
      title: 'Owner',
      render: row => formatRef(row.owner),
      customSort: (a, b) => a.owner.localeCompare(b.owner),
    },
    { title: 'Tier', field: 'tier' },
    {
      title: 'Target',
      render: row => `${percent(row.target)} / ${row.window}`,
    },
    { title: 'SLI', render: row => percent(row.sli) },
    {
      title: 'Budget left',
      render: row => percent(row.budgetRemaining, 1),
      customSort: (a, b) => (a.budgetRemaining ?? 0) - (b.budgetRemaining ?? 0),
    },
    {
      title: 'Burn 1h',
      render: row => burn(row.burnRate1h),
      customSort: (a, b) => (a.burnRate1h ?? 0) - (b.burnRate1h ?? 0),
    },
    { title: 'Alert', render: row => <StatusChip status={row.alert} /> },
    { title: 'Status', render: row => <StatusChip status={row.status} /> },
  ];
  return (
    <Table<OrgSloRow>
      title={title}
      columns={columns}
      data={rows.map(row => ({ ...row, id: row.sloId }))}
      options={{ paging, pageSize: 20, search: paging, padding: 'dense' }}
    />
  );
}
