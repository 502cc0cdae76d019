/**
 * The Gogidix golden path's scaffolder actions, the URL reader for git
 * repositories published on this machine, and the check for characters that
 * make stored text lie about itself (also applied by the catalog).
 *
 * @packageDocumentation
 */
export {
  scaffolderModuleGogidix as default,
  localGitUrlReaderFactory,
} from './module';
export { unsafeCharacterIn } from './http/unsafeText';
