import {
  DeliverySourceKind,
  DeliverySourceState,
} from '@gogidix/plugin-delivery-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { SOURCE_NAMES } from './format';

/**
 * What to set so that data arrives: each source of `kinds` not configured,
 * with what the backend says to set. When all are configured, which ones
 * were read, so that "nothing happened" is not mistaken for "not set up".
 */
export function MissingSources(props: {
  sources: DeliverySourceState[];
  kinds: readonly DeliverySourceKind[];
}) {
  const relevant = props.sources.filter(s => props.kinds.includes(s.kind));
  const missing = relevant.filter(s => !s.configured);
  const shown = missing.length > 0 ? missing : relevant;
  if (shown.length === 0) {
    return (
      <Typography variant="body2">
        The delivery backend has no source of this kind; see its README.
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="body2" gutterBottom>
        {missing.length > 0
          ? 'To get data here, configure one of:'
          : 'These sources are configured and reported nothing in the period:'}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {shown.map(source => (
          <Typography component="li" variant="body2" key={source.kind}>
            <strong>{SOURCE_NAMES[source.kind]}</strong>: {source.detail}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
