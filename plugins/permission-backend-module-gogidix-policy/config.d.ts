export interface Config {
  gogidix?: {
    /**
     * Who may do what in the portal (plugins/permission-backend-module-gogidix-policy).
     * Every signed-in catalog user is a developer; these add roles on top.
     */
    roles?: {
      /**
       * Groups whose members (directly or through a group below) may do
       * everything, including catalog registration and template management.
       * e.g. [group:default/platform-admins]
       */
      platformAdmins: string[];
      /**
       * Groups whose members see every service's on-call pages, runbooks
       * and alerts. e.g. [group:default/sre]
       */
      onCall: string[];
      /**
       * The group annotation naming the group's manager (a user ref). A
       * manager sees SLO, cost and compliance data of that group and every
       * group below it. Default gogidix.io/lead.
       */
      managerAnnotation?: string;
      /**
       * How long the catalog's group tree is reused before it is read
       * again: a change of membership or lead takes effect within this
       * time. Default 60, at most 600.
       */
      groupCacheSeconds?: number;
    };
  };
}
