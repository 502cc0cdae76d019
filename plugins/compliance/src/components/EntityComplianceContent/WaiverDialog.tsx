import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { CheckEvaluation } from '@gogidix/plugin-compliance-common';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { complianceApiRef } from '../../apiRef';

const inDays = (days: number) =>
  new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

/** Records an exception for one failing check, with reason, approver and expiry. */
export function WaiverDialog({
  check,
  onClose,
}: {
  check: CheckEvaluation;
  onClose: (created: boolean) => void;
}) {
  const api = useApi(complianceApiRef);
  const { entity } = useEntity();
  const [reason, setReason] = useState('');
  const [approver, setApprover] = useState('');
  const [expires, setExpires] = useState(inDays(90));
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await api.createWaiver(getCompoundEntityRef(entity), {
        checkId: check.checkId,
        reason,
        approver: approver.includes(':')
          ? approver
          : `user:default/${approver}`,
        expiresAt: `${expires}T23:59:59Z`,
      });
      onClose(true);
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm">
      <DialogTitle>Waive “{check.title}”</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {error && <Alert severity="error">{error}</Alert>}
          <TextField
            label="Reason"
            multiline
            minRows={2}
            value={reason}
            onChange={e => setReason(e.target.value)}
            helperText="Why the exception is acceptable, and the plan to fix it (10 characters at least)"
          />
          <TextField
            label="Approver"
            value={approver}
            onChange={e => setApprover(e.target.value)}
            helperText="The user who approved it, e.g. sofia.rossi"
          />
          <TextField
            label="Expires"
            type="date"
            value={expires}
            onChange={e => setExpires(e.target.value)}
            InputLabelProps={{ shrink: true }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>Cancel</Button>
        <Button
          variant="contained"
          disabled={saving || reason.trim().length < 10 || !approver}
          onClick={submit}
        >
          Waive
        </Button>
      </DialogActions>
    </Dialog>
  );
}
