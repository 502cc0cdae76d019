import { Content, InfoCard } from '@backstage/core-components';
import Typography from '@mui/material/Typography';

export interface UpcomingFeature {
  /** What the page is for, in one sentence. */
  purpose: string;
  /** What people will find here once the plugin lands. */
  contents: string[];
  /** Catalog annotations the page will read, so teams can add them today. */
  annotations: string[];
}

/**
 * Stands in at a path whose plugin has not landed yet, and says plainly what
 * will be there instead of showing empty or invented figures.
 */
export function UpcomingPage({ feature }: { feature: UpcomingFeature }) {
  return (
    <Content>
      <InfoCard title="Not available yet">
        <Typography paragraph>{feature.purpose}</Typography>
        <Typography paragraph>
          This page has no data yet: its plugin is still being built. Once it
          lands, you will find here:
        </Typography>
        <ul>
          {feature.contents.map(item => (
            <li key={item}>
              <Typography variant="body2">{item}</Typography>
            </li>
          ))}
        </ul>
        <Typography variant="body2" color="text.secondary">
          Get your services ready by adding these catalog annotations (see
          docs/annotations.md): {feature.annotations.join(', ')}.
        </Typography>
      </InfoCard>
    </Content>
  );
}
