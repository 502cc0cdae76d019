// What a user waits for on the catalog page of a production build, in
// Debian's Chromium: the bytes the page pulls over the wire (JavaScript and
// all) and the time until the catalog table shows its first entity rows,
// with an empty HTTP cache (cold) and again in the same browser context
// (warm). Used for the portal and for stock Backstage alike.
import { Browser, CDPSession, Page, chromium } from '@playwright/test';

/** The storage state Playwright saves: cookies and local storage, no HTTP cache. */
export type StorageState = Exclude<
  Parameters<Browser['newContext']>[0],
  undefined
>['storageState'];

export interface CatalogPageOptions {
  /** The app's origin, e.g. http://localhost:7320. */
  baseUrl: string;
  /**
   * How a browser gets signed in: a function that signs in on a page opened
   * at `baseUrl` (run once, in a context of its own, whose storage state
   * the measured contexts then start from), or a storage state as saved.
   */
  signIn: ((page: Page) => Promise<void>) | StorageState;
  /** Cold and warm loads each; every run has a fresh context. */
  runs: number;
  /** Names the app in log lines. */
  label: string;
  /** The page measured; `/catalog` unless told. */
  path?: string;
  /**
   * The element whose appearance is the page's meaningful content;
   * `CATALOG_ROW_SELECTOR` unless told.
   */
  readySelector?: string;
  /** Chromium; /usr/bin/chromium unless PORTAL_CHROMIUM says otherwise. */
  executablePath?: string;
  /** Per load, until the rows show; 60 s unless told. */
  timeoutMs?: number;
  /** Progress lines; stderr unless told. */
  log?: (line: string) => void;
}

/** One page load. Bytes are as received from the network, headers included. */
export interface CatalogPageSample {
  /** From navigation start until a catalog row with an entity link is in the page. */
  rowsShownMs: number;
  /** Script responses (Network type Script) received from the network. */
  jsBytes: number;
  /** Every response received from the network. */
  totalBytes: number;
  /** Script responses fetched from the network; cache hits are not counted. */
  jsRequests: number;
  /** Script responses served from the HTTP cache, transferring 0 bytes. */
  jsFromCache: number;
}

export interface CatalogPageResult {
  label: string;
  cold: CatalogPageSample[];
  warm: CatalogPageSample[];
}

/**
 * A row of the catalog table holding a link to an entity page. Stock
 * Backstage and the portal both render the catalog as a table whose name
 * column links to `/catalog/<namespace>/<kind>/<name>`.
 */
export const CATALOG_ROW_SELECTOR = 'table tbody tr a[href*="/catalog/"]';

/** What the Chromium flags of the e2e suite say: no network noise. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** After the rows show, the load counts as done once the network is this quiet. */
const QUIET_MS = 1_000;
const SETTLE_LIMIT_MS = 10_000;

export async function measureCatalogPage(
  options: CatalogPageOptions,
): Promise<CatalogPageResult> {
  const log =
    options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const browser = await chromium.launch({
    executablePath:
      options.executablePath ??
      process.env.PORTAL_CHROMIUM ??
      '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const storageState = await signedInState(browser, options);
    const result: CatalogPageResult = {
      label: options.label,
      cold: [],
      warm: [],
    };
    for (let run = 1; run <= options.runs; run++) {
      // A new context starts with an empty HTTP cache; the storage state
      // holds only cookies and local storage.
      const context = await browser.newContext({
        baseURL: options.baseUrl,
        storageState,
        viewport: { width: 1440, height: 900 },
      });
      try {
        const page = await context.newPage();
        const cold = await loadCatalogPage(page, options);
        const warm = await loadCatalogPage(page, options);
        result.cold.push(cold);
        result.warm.push(warm);
        log(
          `${options.label} run ${run}/${options.runs}: ` +
            `cold ${describe(cold)}; warm ${describe(warm)}`,
        );
      } finally {
        await context.close();
      }
    }
    return result;
  } finally {
    await browser.close();
  }
}

/** The storage state a signed-in context starts from (runs `signIn` once if it is a function). */
export async function signedInState(
  browser: Browser,
  options: Pick<CatalogPageOptions, 'baseUrl' | 'signIn'>,
): Promise<StorageState> {
  if (typeof options.signIn !== 'function') {
    return options.signIn;
  }
  const context = await browser.newContext({ baseURL: options.baseUrl });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await options.signIn(page);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/**
 * Counts what a page receives through the DevTools protocol:
 * `Network.loadingFinished.encodedDataLength` is the bytes that came over
 * the wire (compressed body plus headers), 0 for a cache hit.
 */
class NetworkTally {
  private readonly transfers = new Map<string, Transfer>();
  private lastActivity = Date.now();

  private constructor(private readonly session: CDPSession) {}

  static async attach(page: Page): Promise<NetworkTally> {
    const session = await page.context().newCDPSession(page);
    const tally = new NetworkTally(session);
    session.on('Network.requestWillBeSent', event => {
      tally.lastActivity = Date.now();
      tally.transfers.set(event.requestId, {
        script: event.type === 'Script',
        fromCache: false,
        bytes: 0,
        finished: false,
      });
    });
    session.on('Network.requestServedFromCache', event => {
      const transfer = tally.transfers.get(event.requestId);
      if (transfer) transfer.fromCache = true;
    });
    session.on('Network.responseReceived', event => {
      tally.lastActivity = Date.now();
      const transfer = tally.transfers.get(event.requestId);
      if (!transfer) return;
      transfer.script ||= event.type === 'Script';
      transfer.fromCache ||=
        event.response.fromDiskCache === true ||
        event.response.fromPrefetchCache === true;
    });
    const finish = (requestId: string, bytes: number) => {
      tally.lastActivity = Date.now();
      const transfer = tally.transfers.get(requestId);
      if (!transfer) return;
      transfer.bytes = bytes;
      transfer.finished = true;
    };
    session.on('Network.loadingFinished', event =>
      finish(event.requestId, event.encodedDataLength),
    );
    session.on('Network.loadingFailed', event => finish(event.requestId, 0));
    await session.send('Network.enable');
    return tally;
  }

  /** Until no request has started or ended for `quietMs`, or `limitMs` passed. */
  async quiet(quietMs: number, limitMs: number) {
    const deadline = Date.now() + limitMs;
    while (Date.now() < deadline) {
      const pending = [...this.transfers.values()].some(t => !t.finished);
      if (!pending && Date.now() - this.lastActivity >= quietMs) return;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }

  totals(): Omit<CatalogPageSample, 'rowsShownMs'> {
    const totals = {
      jsBytes: 0,
      totalBytes: 0,
      jsRequests: 0,
      jsFromCache: 0,
    };
    for (const transfer of this.transfers.values()) {
      const bytes = transfer.fromCache ? 0 : transfer.bytes;
      totals.totalBytes += bytes;
      if (!transfer.script) continue;
      totals.jsBytes += bytes;
      if (transfer.fromCache) totals.jsFromCache += 1;
      else totals.jsRequests += 1;
    }
    return totals;
  }

  async detach() {
    await this.session.detach().catch(() => undefined);
  }
}

/**
 * Milliseconds from navigation start until a catalog row (or the element
 * `readySelector` names) is in the page.
 * Evaluated in the page on every animation frame, so the time is the
 * page's own clock (0 = navigation start) at the first frame with a row.
 */
export async function rowsShown(
  page: Page,
  timeout: number,
  readySelector: string = CATALOG_ROW_SELECTOR,
): Promise<number> {
  const shown = await page
    .waitForFunction(
      selector =>
        document.querySelector(selector) ? performance.now() : undefined,
      readySelector,
      { polling: 'raf', timeout },
    )
    .catch(error => {
      throw new Error(
        `${page.url()} did not show '${readySelector}' within ` +
          `${timeout / 1000} s: ${error.message}`,
      );
    });
  return Math.round((await shown.jsonValue()) as number);
}

async function loadCatalogPage(
  page: Page,
  options: CatalogPageOptions,
): Promise<CatalogPageSample> {
  const timeout = options.timeoutMs ?? 60_000;
  const network = await NetworkTally.attach(page);
  try {
    await page.goto(options.path ?? '/catalog', {
      waitUntil: 'commit',
      timeout,
    });
    const rowsShownMs = await rowsShown(page, timeout, options.readySelector);
    await network.quiet(QUIET_MS, SETTLE_LIMIT_MS);
    return { rowsShownMs, ...network.totals() };
  } finally {
    await network.detach();
  }
}

interface Transfer {
  script: boolean;
  fromCache: boolean;
  bytes: number;
  finished: boolean;
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

function describe(sample: CatalogPageSample) {
  return (
    `rows ${sample.rowsShownMs} ms, JS ${kilobytes(sample.jsBytes)} ` +
    `(${sample.jsRequests} fetched, ${sample.jsFromCache} cached), ` +
    `total ${kilobytes(sample.totalBytes)}`
  );
}
