import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { Progress } from '@backstage/core-components';
import useAsync from 'react-use/esm/useAsync';
import { TeamRollup } from './TeamRollup';

/** The home page's roll-up: the signed-in user's groups and every group below them. */
export function YourTeams() {
  const identityApi = useApi(identityApiRef);
  const { value } = useAsync(
    async () => (await identityApi.getBackstageIdentity()).ownershipEntityRefs,
    [identityApi],
  );
  return value ? <TeamRollup roots={value} /> : <Progress />;
}
