import { createApp } from '@backstage/frontend-defaults';
import { authModule } from './modules/auth';
import { brandingModule } from './modules/branding';
import { homeModule } from './modules/home';
import { navModule } from './modules/nav';
import { scaffolderModule } from './modules/scaffolder';
import { groupTeamsModule } from './modules/teams';

// Plugins listed in package.json are discovered through `app.packages: all`;
// these are the app's own modules.
export default createApp({
  features: [
    authModule,
    brandingModule,
    homeModule,
    navModule,
    scaffolderModule,
    groupTeamsModule,
  ],
});
