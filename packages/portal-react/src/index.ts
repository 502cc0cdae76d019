// Frontend pieces every family shares: the NotAllowed panel and permission gate, downloads, the headline number.
export * from './NotAllowed';
export * from './PermissionGate';
export * from './FetchErrorPanel';
export * from './download';
export * from './HeadlineNumber';
export * from './EntityTabLink';
export * from './RefFilter';
