import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import {
  NavContentBlueprint,
  NavContentComponentProps,
} from '@backstage/plugin-app-react';
import { SidebarLogo } from './SidebarLogo';
import AppsIcon from '@mui/icons-material/Apps';
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import SearchIcon from '@mui/icons-material/Search';
import { SidebarSearchModal } from '@backstage/plugin-search';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import { NotificationsSidebarItem } from '@backstage/plugin-notifications';
import { catalogEntityCreatePermission } from '@backstage/plugin-catalog-common/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import { oncallAlertReadPermission } from '@gogidix/plugin-oncall-common';
import { auditEventReadPermission } from '@gogidix/plugin-audit-common';
import { Fragment, ReactNode } from 'react';

/** A permission that is not about one resource, like the two below. */
type BasicPermission = typeof auditEventReadPermission;

/**
 * The pages of the plugin families, in the order the sidebar lists them, with
 * the permission that opens each page where a role may not. The org pages of
 * slo, compliance, cost and delivery are open to every signed-in user (each
 * shows the teams the user may see), so they have none.
 */
const FAMILY_PAGES: { id: string; permission?: BasicPermission }[] = [
  { id: 'page:slo' },
  // The on-call page is for on-call engineers; others reach their
  // services' alerts from each service's On-call tab.
  { id: 'page:oncall', permission: oncallAlertReadPermission },
  { id: 'page:compliance' },
  { id: 'page:cost' },
  { id: 'page:delivery' },
  // The audit trail is for platform admins only.
  { id: 'page:audit', permission: auditEventReadPermission },
];

/** A sidebar item shown only to those its permission lets open the page. */
function IfAllowed(props: {
  permission: BasicPermission;
  children: ReactNode;
}) {
  const { allowed } = usePermission({ permission: props.permission });
  return allowed ? <>{props.children}</> : null;
}

export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: PortalSidebar,
  },
});

function PortalSidebar({ navItems }: NavContentComponentProps) {
  // Registering existing components is for platform admins.
  const register = usePermission({
    permission: catalogEntityCreatePermission,
  });
  const nav = navItems.withComponent(item => (
    <SidebarItem icon={() => item.icon} to={item.href} text={item.title} />
  ));

  // Skipped items
  nav.take('page:search'); // Using search modal instead
  nav.take('page:notifications'); // Using NotificationsSidebarItem manually instead
  nav.take('page:oncall/runbooks'); // Opened from alerts and entity pages
  const registerItem = nav.take('page:catalog-import');
  const familyItems = FAMILY_PAGES.map(({ id, permission }) => {
    const item = nav.take(id);
    return permission ? (
      <IfAllowed key={id} permission={permission}>
        {item}
      </IfAllowed>
    ) : (
      <Fragment key={id}>{item}</Fragment>
    );
  });

  return (
    <Sidebar>
      <SidebarLogo />
      <SidebarGroup label="Search" icon={<SearchIcon />} to="/search">
        <SidebarSearchModal />
      </SidebarGroup>
      <SidebarDivider />
      {/* On a phone each group is a bottom-bar button showing only its
          icon: the two need icons of their own (and their labels as names). */}
      <SidebarGroup label="Browse" icon={<AppsIcon titleAccess="Browse" />}>
        {nav.take('page:home')}
        {nav.take('page:catalog')}
        {nav.take('page:api-docs')}
        {nav.take('page:scaffolder')}
        {register.allowed ? registerItem : null}
      </SidebarGroup>
      <SidebarDivider />
      <SidebarGroup
        label="Operate"
        icon={<MonitorHeartIcon titleAccess="Operate" />}
      >
        {familyItems}
        <SidebarDivider />
        <SidebarScrollWrapper>
          {nav.rest({ sortBy: 'title' })}
        </SidebarScrollWrapper>
      </SidebarGroup>
      <SidebarSpace />
      <SidebarDivider />
      <NotificationsSidebarItem />
      <SidebarDivider />
      <SidebarGroup
        label="Settings"
        icon={<UserSettingsSignInAvatar />}
        to="/settings"
      >
        {nav.take('page:app-visualizer')}
        {nav.take('page:user-settings')}
      </SidebarGroup>
    </Sidebar>
  );
}
