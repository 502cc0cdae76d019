import {
  ReadTreeResponseFactory,
  ReadUrlResponseFactory,
  ReaderFactory,
} from '@backstage/backend-defaults/urlReader';
import {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import { Readable } from 'node:stream';
import { LocalGitRepositories } from './LocalGitRepositories';
import { readLocalGitConfig } from './config';

/**
 * Lets the catalog, the scaffolder and every other plugin read the local git
 * repositories by URL, exactly as they read GitHub or GitLab in production.
 */
export class LocalGitUrlReader implements UrlReaderService {
  static factory: ReaderFactory = ({ config, logger, treeResponseFactory }) => {
    const repositories = readLocalGitConfig(config, logger);
    if (!repositories) {
      return [];
    }
    const reader = new LocalGitUrlReader(repositories, treeResponseFactory);
    const base = new URL(repositories.baseUrl);
    return [
      {
        reader,
        predicate: url =>
          url.origin === base.origin &&
          url.pathname.startsWith(`${base.pathname.replace(/\/$/, '')}/`),
      },
    ];
  };

  constructor(
    private readonly repositories: LocalGitRepositories,
    private readonly treeResponseFactory: ReadTreeResponseFactory,
  ) {}

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const location = this.locate(url);
    const etag = await this.repositories.headCommit(location);
    if (options?.etag === etag) {
      throw new NotModifiedError();
    }
    const content = await this.repositories.readFile(location);
    return ReadUrlResponseFactory.fromReadable(Readable.from([content]), {
      etag,
    });
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const location = this.locate(url);
    const etag = await this.repositories.headCommit(location);
    if (options?.etag === etag) {
      throw new NotModifiedError();
    }
    return this.treeResponseFactory.fromTarArchive({
      stream: await this.repositories.archive(location),
      etag,
      filter: options?.filter,
      stripFirstDirectory: false,
    });
  }

  async search(url: string): Promise<UrlReaderServiceSearchResponse> {
    const location = this.locate(url);
    const etag = await this.repositories.headCommit(location);
    const content = await this.repositories.readFile(location);
    return {
      etag,
      files: [{ url, content: async () => content }],
    };
  }

  toString() {
    return `local-git{baseUrl=${this.repositories.baseUrl}}`;
  }

  private locate(url: string) {
    const location = this.repositories.parseUrl(url);
    if (!location) {
      throw new Error(`${url} is not served by ${this}`);
    }
    return location;
  }
}
