import { HumanDuration } from '@backstage/types';

export interface Config {
  gogidix?: {
    /** Where generated services get the platform's shared pieces. */
    platform?: {
      /**
       * The library chart (infra/helm/gogidix-service) that validation
       * vendors into generated charts, so no chart registry is needed to
       * validate. Without it, validation runs `helm dependency build`.
       */
      libraryChart?: string;
      /** OCI registry of the library chart, written into generated Chart.yaml. */
      chartRegistry?: string;
      /** Release of infra/terraform modules that generated Terragrunt pins. */
      modulesRef?: string;
    };
    /**
     * Git repositories kept on this machine, for the embedded default: the
     * scaffolder publishes new services here and the catalog reads them back
     * through a URL reader. Production publishes to GitHub or GitLab instead.
     */
    localGit?: {
      /** Folder holding the bare repositories, `<owner>/<name>.git`. */
      root: string;
      /**
       * URL prefix that names these repositories in the catalog, e.g.
       * `https://git.portal.localhost`. Files are
       * `<baseUrl>/<owner>/<name>/blob/main/<path>`.
       */
      baseUrl: string;
      /**
       * How often to clear what publishes killed mid-way left behind (see
       * sweepUnfinishedPublishes), e.g. `{ minutes: 1 }` (the default).
       */
      sweepFrequency?: HumanDuration | string;
    };
  };
}
