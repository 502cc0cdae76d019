import { getCompoundEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  CheckEvaluation,
  EntityCompliance,
  Evidence,
} from '@gogidix/plugin-compliance-common';
import { FetchErrorPanel } from '@gogidix/portal-react';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { complianceApiRef } from '../../apiRef';
import {
  LevelChip,
  StatusChip,
  levelLabel,
  showValue,
  when,
} from '../shared/format';
import { ImageScan } from './ImageScan';
import { WaiverDialog } from './WaiverDialog';

/** A fact's value, or why there is none. */
function EvidenceValue({ evidence }: { evidence: Evidence }) {
  if (evidence.error) {
    return (
      <Typography variant="body2" color="warning.main">
        error: {evidence.error}
      </Typography>
    );
  }
  if (evidence.pending) {
    return (
      <Typography variant="body2" color="text.secondary">
        pending: {evidence.pending}
      </Typography>
    );
  }
  return <code>{showValue(evidence.value)}</code>;
}

function EvidenceTable({ check }: { check: CheckEvaluation }) {
  return (
    <Table size="small" aria-label={`Evidence for ${check.title}`}>
      <TableHead>
        <TableRow>
          <TableCell>Fact</TableCell>
          <TableCell>Value</TableCell>
          <TableCell>Source</TableCell>
          <TableCell>Collected</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {check.evidence.map(e => (
          <TableRow key={e.factId}>
            <TableCell>
              <code>{e.factId}</code>
            </TableCell>
            <TableCell>
              <EvidenceValue evidence={e} />
            </TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{e.source}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {when(e.collectedAt)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const REASON_SEVERITY = {
  fail: 'error',
  error: 'warning',
  pending: 'info',
  pass: 'info',
  waived: 'info',
} as const;

function CheckRow({
  check,
  onWaive,
}: {
  check: CheckEvaluation;
  onWaive: (check: CheckEvaluation) => void;
}) {
  return (
    <Accordion disableGutters>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Stack direction="row" spacing={2} alignItems="center" width="100%">
          <StatusChip status={check.status} />
          <Typography sx={{ flexGrow: 1 }}>{check.title}</Typography>
          <Typography variant="caption" color="text.secondary">
            {levelLabel(check.level)}
            {check.controls.length > 0 && ` · ${check.controls.join(', ')}`}
          </Typography>
        </Stack>
      </AccordionSummary>
      <AccordionDetails>
        <Stack spacing={2}>
          <Typography variant="body2">{check.description}</Typography>
          {check.reason && (
            <Alert severity={REASON_SEVERITY[check.status]}>
              {check.reason}
            </Alert>
          )}
          {check.waiver && (
            <Alert severity="info">
              Waived until {when(check.waiver.expiresAt)}, approved by{' '}
              {check.waiver.approver}: {check.waiver.reason}
            </Alert>
          )}
          <EvidenceTable check={check} />
          {check.status !== 'pass' && check.status !== 'pending' && (
            <Typography variant="body2">
              <strong>How to fix:</strong> {check.howToFix}
            </Typography>
          )}
          {check.status === 'fail' && (
            <div>
              <Button size="small" onClick={() => onWaive(check)}>
                Request a waiver
              </Button>
            </div>
          )}
        </Stack>
      </AccordionDetails>
    </Accordion>
  );
}

function Compliance({
  compliance,
  onChanged,
}: {
  compliance: EntityCompliance;
  onChanged: () => void;
}) {
  const [waiving, setWaiving] = useState<CheckEvaluation>();
  const waived = compliance.checks.filter(c => c.status === 'waived').length;
  const pending = compliance.checks.filter(c => c.status === 'pending').length;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <InfoCard title="Scorecard">
          <Stack spacing={1}>
            <LevelChip level={compliance.level} size="medium" />
            <Typography variant="body2">
              {compliance.checks.filter(c => c.status === 'pass').length} of{' '}
              {compliance.checks.length} checks pass
              {waived > 0 && `, ${waived} waived`}
              {pending > 0 && `, ${pending} waiting for their first data`}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              Evaluated {when(compliance.evaluatedAt)}
            </Typography>
          </Stack>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard title="Controls">
          <Table size="small" aria-label="Controls">
            <TableBody>
              {compliance.controls.map(control => (
                <TableRow key={control.key}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {control.key}
                  </TableCell>
                  <TableCell>{control.title}</TableCell>
                  <TableCell>
                    <StatusChip status={control.status} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <ImageScan trivy={compliance.trivy} />
      </Grid>
      <Grid item xs={12}>
        <Typography variant="h6" gutterBottom>
          Checks
        </Typography>
        {compliance.checks.map(check => (
          <CheckRow key={check.checkId} check={check} onWaive={setWaiving} />
        ))}
      </Grid>
      {compliance.waivers.length > 0 && (
        <Grid item xs={12}>
          <InfoCard title="Waivers">
            <Table size="small" aria-label="Waivers">
              <TableHead>
                <TableRow>
                  <TableCell>Check</TableCell>
                  <TableCell>Reason</TableCell>
                  <TableCell>Approver</TableCell>
                  <TableCell>Expires</TableCell>
                  <TableCell>State</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {compliance.waivers.map(w => (
                  <TableRow key={w.id}>
                    <TableCell>{w.checkId}</TableCell>
                    <TableCell>{w.reason}</TableCell>
                    <TableCell>{w.approver}</TableCell>
                    <TableCell>{when(w.expiresAt)}</TableCell>
                    <TableCell>{w.active ? 'Active' : 'Expired'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </InfoCard>
        </Grid>
      )}
      {waiving && (
        <WaiverDialog
          check={waiving}
          onClose={created => {
            setWaiving(undefined);
            if (created) onChanged();
          }}
        />
      )}
    </Grid>
  );
}

/** The entity's Compliance tab: level, checks with evidence, controls, waivers. */
export function EntityComplianceContent() {
  const { entity } = useEntity();
  const api = useApi(complianceApiRef);
  const ref = getCompoundEntityRef(entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getEntityCompliance(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
  if (loading && !value) return <Progress />;
  if (error) {
    if (
      (error as { response?: { status?: number } }).response?.status === 404
    ) {
      return (
        <EmptyState
          missing="data"
          title="Not evaluated yet"
          description="The compliance round has not evaluated this component yet; rounds run every few minutes."
        />
      );
    }
    return (
      <FetchErrorPanel
        error={error}
        title="Could not load compliance"
        notAllowed="A service's compliance is for its team and their managers."
      />
    );
  }
  if (!value) return null;
  if (value.checks.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No checks"
        description="No compliance check is configured (compliance.rulesFile)."
      />
    );
  }
  return <Compliance compliance={value} onChanged={retry} />;
}
