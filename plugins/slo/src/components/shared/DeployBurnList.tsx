import { formatPercent } from '@gogidix/portal-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DEPLOY_BURN_HOURS, DeployBurn } from './deployBurn';

/** How many deploys the list under a burn-down names, newest first. */
const SHOWN = 5;

/** What each deploy on the burn-down cost the budget in the hours after it. */
export function DeployBurnList({ deploys }: { deploys: DeployBurn[] }) {
  if (deploys.length === 0) return null;
  const newest = [...deploys]
    .sort((a, b) => b.markAt.localeCompare(a.markAt))
    .slice(0, SHOWN);
  return (
    <Box component="ul" aria-label="Deploys" sx={{ m: 0, pl: 2 }}>
      {newest.map(({ deployment, burned, complete }) => (
        <Typography
          component="li"
          variant="caption"
          display="list-item"
          key={deployment.id}
        >
          {`Deploy ${deployment.sha.slice(0, 7)} at ${deployment.finishedAt
            ?.replace('T', ' ')
            .slice(0, 16)} UTC: `}
          {burned === null
            ? 'no budget data after it'
            : `${formatPercent(burned, {
                digits: 1,
              })} of the budget burned in the ${DEPLOY_BURN_HOURS} h after${
                complete ? '' : ' (so far)'
              }`}
        </Typography>
      ))}
    </Box>
  );
}
