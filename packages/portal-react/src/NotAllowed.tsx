import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';

/**
 * What a user sees instead of data the portal's policy does not let them
 * read: who it is for, instead of an error. The one 403 panel of every
 * family: a padlock, "Not allowed" and who the data is for, never an error
 * colour or a status code, and never folded away.
 */
export function NotAllowed(props: { title?: string; message: string }) {
  return (
    <Alert
      severity="info"
      variant="outlined"
      role="status"
      icon={<LockOutlinedIcon fontSize="inherit" />}
      data-testid="not-allowed"
    >
      <AlertTitle>{props.title ?? 'Not allowed'}</AlertTitle>
      {props.message}
    </Alert>
  );
}
