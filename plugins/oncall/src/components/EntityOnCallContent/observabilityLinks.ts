/** Quotes a string for Rison, the notation Kibana keeps its URL state in. */
function risonString(value: string): string {
  return `'${value.replace(/!/g, '!!').replace(/'/g, "!'")}'`;
}

/** Kibana Discover over the last hour, with the entity's KQL query. */
export function kibanaDiscoverUrl(baseUrl: string, kql: string): string {
  const appState = `(query:(language:kuery,query:${risonString(kql)}))`;
  const globalState = '(time:(from:now-1h,to:now))';
  return `${baseUrl.replace(/\/+$/, '')}/app/discover#/?_g=${encodeURIComponent(
    globalState,
  )}&_a=${encodeURIComponent(appState)}`;
}

/** Jaeger UI's trace search for the service over the last hour. */
export function jaegerSearchUrl(baseUrl: string, service: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/search?${new URLSearchParams({
    service,
    lookback: '1h',
    limit: '20',
  })}`;
}
