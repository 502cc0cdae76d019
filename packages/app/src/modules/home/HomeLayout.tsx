import { Content, Header, Page } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';
import { UserEntity } from '@backstage/catalog-model';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import useAsync from 'react-use/esm/useAsync';

/** Where each widget goes; widgets installed later land at the bottom. */
const placement = {
  top: ['HomePageSearchBar', 'GogidixQuickLinks'],
  main: ['GogidixYourTeams', 'GogidixYourSlos', 'GogidixOwnedServices'],
  side: [
    'UnreadNotifications',
    'HomePageStarredEntities',
    'HomePageRecentlyVisited',
  ],
};

function greeting(hour: number) {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

/** The signed-in user's name: from the sign-in profile, else the catalog. */
function useDisplayName(): string | undefined {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  const { value } = useAsync(async () => {
    const profile = await identityApi.getProfileInfo();
    if (profile.displayName) {
      return profile.displayName;
    }
    const { userEntityRef } = await identityApi.getBackstageIdentity();
    const user = (await catalogApi.getEntityByRef(userEntityRef)) as
      | UserEntity
      | undefined;
    return user?.spec.profile?.displayName ?? user?.metadata.name;
  }, [identityApi, catalogApi]);
  return value;
}

/**
 * The portal's home page: a greeting, search, the main destinations, the
 * user's own services, and their starred and recent entities.
 */
export function HomeLayout({ widgets }: HomePageLayoutProps) {
  const name = useDisplayName();
  const byName = new Map(widgets.map(w => [w.name, w.component]));
  const pick = (names: string[]) =>
    names.flatMap(n => (byName.has(n) ? [byName.get(n)!] : []));
  const placed = new Set(Object.values(placement).flat());
  const others = widgets.filter(w => !w.name || !placed.has(w.name));

  return (
    <Page themeId="home">
      <Header
        title={name ? `${greeting(new Date().getHours())}, ${name}` : 'Welcome'}
        subtitle="Gogidix Platform Portal: your services, their health and how to ship them"
        pageTitleOverride="Home"
      />
      <Content>
        <Grid container spacing={3}>
          {pick(placement.top).map((widget, i) => (
            <Grid item xs={12} key={`top-${i}`}>
              {widget}
            </Grid>
          ))}
          <Grid item xs={12} lg={8}>
            <Stack spacing={3}>{pick(placement.main)}</Stack>
          </Grid>
          <Grid item xs={12} lg={4}>
            <Stack spacing={3}>{pick(placement.side)}</Stack>
          </Grid>
          {others.map((widget, i) => (
            <Grid item xs={12} md={6} key={widget.name ?? `other-${i}`}>
              {widget.component}
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}
