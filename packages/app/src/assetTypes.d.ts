// Types for importing images and stylesheets; only the build needs the CLI.
/// <reference types="@backstage/cli/asset-types" />
