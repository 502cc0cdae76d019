import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TeamRollup } from './TeamRollup';

/** A group page's roll-up: the group and every group below it. */
export function GroupTeamsCard() {
  const { entity } = useEntity();
  return (
    <InfoCard title="Health of this group's teams">
      <TeamRollup roots={[stringifyEntityRef(entity)]} />
    </InfoCard>
  );
}
