// Frontend pieces every family shares: the NotAllowed panel and permission gate, downloads, the headline number.
export {};
