import { Table } from '@backstage/core-components';
import {
  ComplianceGap,
  ControlSummary,
  EntityScore,
  TeamCompliance,
} from '@gogidix/plugin-compliance-common';
import { formatPercent, formatRef } from '@gogidix/portal-common';
import { EntityTabLink } from '@gogidix/portal-react';
import {
  LevelChip,
  NAME_CELL,
  StatusChip,
  TEXT_CELL,
  levelLabel,
} from '../shared/format';

/** A link to the Compliance tab of the entity. */
function EntityLink({ entityRef }: { entityRef: string }) {
  return <EntityTabLink entityRef={entityRef} tab="compliance" />;
}

export function TeamTable({ rows }: { rows: TeamCompliance[] }) {
  return (
    <Table<TeamCompliance & { id: string }>
      title="By team"
      columns={[
        {
          title: 'Team',
          field: 'team',
          render: r => formatRef(r.team),
          highlight: true,
          cellStyle: NAME_CELL,
        },
        { title: 'Components', field: 'entities', type: 'numeric' },
        { title: 'Gold', render: r => r.levels.gold, type: 'numeric' },
        { title: 'Silver', render: r => r.levels.silver, type: 'numeric' },
        { title: 'Bronze', render: r => r.levels.bronze, type: 'numeric' },
        { title: 'No level', render: r => r.levels.none, type: 'numeric' },
        {
          title: 'Checks met',
          render: r => formatPercent(r.passRate),
          type: 'numeric',
        },
      ]}
      data={rows.map(r => ({ ...r, id: r.team }))}
      options={{ paging: false, search: false, padding: 'dense' }}
    />
  );
}

export function ControlTable({ rows }: { rows: ControlSummary[] }) {
  return (
    <Table<ControlSummary & { id: string }>
      title="By framework control"
      columns={[
        { title: 'Framework', field: 'framework', cellStyle: NAME_CELL },
        {
          title: 'Control',
          field: 'id',
          highlight: true,
          cellStyle: NAME_CELL,
        },
        { title: 'Title', field: 'title', cellStyle: TEXT_CELL },
        { title: 'Meeting', field: 'passing', type: 'numeric' },
        { title: 'Failing', field: 'failing', type: 'numeric' },
        { title: 'Errors', field: 'erroring', type: 'numeric' },
        {
          title: 'Pending',
          render: r => r.entities - r.passing - r.failing - r.erroring,
          type: 'numeric',
        },
        {
          title: 'Met',
          render: r => formatPercent(r.passRate),
          type: 'numeric',
        },
      ]}
      data={rows.map(r => ({ ...r, id: r.key }))}
      options={{ paging: false, search: false, padding: 'dense' }}
    />
  );
}

/** The table's title, saying so when the server listed only the worst rows. */
function listTitle(title: string, noun: string, shown: number, total: number) {
  return shown < total
    ? `${title}: the worst ${shown} of ${total.toLocaleString(
        'en-US',
      )} ${noun} (the export lists all)`
    : title;
}

export function GapTable({
  rows,
  total,
}: {
  rows: ComplianceGap[];
  total: number;
}) {
  return (
    <Table<ComplianceGap & { id: string }>
      title={listTitle('Worst gaps first', 'gaps', rows.length, total)}
      columns={[
        { title: 'Level', render: r => levelLabel(r.level) },
        {
          title: 'Check',
          field: 'title',
          highlight: true,
          cellStyle: TEXT_CELL,
        },
        {
          title: 'Component',
          render: r => <EntityLink entityRef={r.entityRef} />,
          cellStyle: NAME_CELL,
        },
        { title: 'Team', render: r => formatRef(r.team), cellStyle: NAME_CELL },
        { title: 'Status', render: r => <StatusChip status={r.status} /> },
        { title: 'Why', field: 'reason', cellStyle: TEXT_CELL },
      ]}
      data={rows.map(r => ({ ...r, id: `${r.entityRef} ${r.checkId}` }))}
      options={{ pageSize: 10, search: true, padding: 'dense' }}
    />
  );
}

export function EntityTable({
  rows,
  total,
}: {
  rows: EntityScore[];
  total: number;
}) {
  return (
    <Table<EntityScore & { id: string }>
      title={listTitle('Components', 'components', rows.length, total)}
      columns={[
        {
          title: 'Component',
          render: r => <EntityLink entityRef={r.entityRef} />,
          customFilterAndSearch: (term, r) =>
            r.entityRef.includes(String(term)),
          cellStyle: NAME_CELL,
        },
        { title: 'Team', render: r => formatRef(r.team), cellStyle: NAME_CELL },
        { title: 'Level', render: r => <LevelChip level={r.level} /> },
        { title: 'Pass', field: 'passed', type: 'numeric' },
        { title: 'Fail', field: 'failed', type: 'numeric' },
        { title: 'Error', field: 'errors', type: 'numeric' },
        { title: 'Pending', field: 'pending', type: 'numeric' },
        { title: 'Waived', field: 'waived', type: 'numeric' },
      ]}
      data={rows.map(r => ({ ...r, id: r.entityRef }))}
      options={{ pageSize: 20, search: true, padding: 'dense' }}
    />
  );
}
