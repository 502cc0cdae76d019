import {
  Content,
  ContentHeader,
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { AuditEventQuery } from '@gogidix/plugin-audit-common';
import { FetchErrorPanel, download } from '@gogidix/portal-react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { auditApiRef } from '../../apiRef';
import { AuditEventsTable } from './AuditEventsTable';
import { AuditFilters } from './AuditFilters';

/** The audit trail for platform admins: filter, page through, export. */
export function AuditPage() {
  const api = useApi(auditApiRef);
  const [query, setQuery] = useState<AuditEventQuery>({});
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(25);

  const events = useAsync(
    () =>
      api.listEvents(query, { offset: page * rowsPerPage, limit: rowsPerPage }),
    [api, query, page, rowsPerPage],
  );
  const [exported, exportAs] = useAsyncFn(
    async (format: 'csv' | 'json') =>
      download(await api.exportEvents(query, format), `audit.${format}`),
    [api, query],
  );

  let body;
  if (events.loading) {
    body = <Progress />;
  } else if (events.error) {
    body = (
      <FetchErrorPanel
        error={events.error}
        notAllowed="The audit trail is for platform admins."
      />
    );
  } else if (!events.value || events.value.totalCount === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No audit events"
        description="Nothing recorded matches these filters. Scaffolder runs, catalog registrations, cost imports, waivers and permission denials appear here."
      />
    );
  } else {
    body = (
      <AuditEventsTable
        events={events.value.items}
        totalCount={events.value.totalCount}
        page={page}
        rowsPerPage={rowsPerPage}
        onPageChange={setPage}
        onRowsPerPageChange={rows => {
          setRowsPerPage(rows);
          setPage(0);
        }}
      />
    );
  }

  return (
    <Content>
      <ContentHeader title="Audited actions">
        <Stack direction="row" spacing={1}>
          <Button
            variant="outlined"
            disabled={exported.loading}
            onClick={() => exportAs('csv')}
          >
            Export CSV
          </Button>
          <Button
            variant="outlined"
            disabled={exported.loading}
            onClick={() => exportAs('json')}
          >
            Export JSON
          </Button>
        </Stack>
      </ContentHeader>
      {exported.error && <ResponseErrorPanel error={exported.error} />}
      <InfoCard>
        <AuditFilters
          onApply={next => {
            setQuery(next);
            setPage(0);
          }}
        />
        {body}
      </InfoCard>
    </Content>
  );
}
