/**
 * The Gogidix golden path's scaffolder actions, and the URL reader for git
 * repositories published on this machine.
 *
 * @packageDocumentation
 */
export {
  scaffolderModuleGogidix as default,
  localGitUrlReaderFactory,
} from './module';
