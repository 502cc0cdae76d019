export interface Config {
  catalog?: {
    localFiles?: {
      /**
       * Folders that catalog files on local disk may read through `$text`,
       * `$yaml` and `$json` besides their own folder, e.g. the form pages
       * the templates share. Relative paths resolve against the backend's
       * working directory.
       */
      sharedFolders?: string[];
    };
  };
}
