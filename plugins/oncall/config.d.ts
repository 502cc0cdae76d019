export interface Config {
  onCall?: {
    kibana?: {
      /**
       * Kibana's base URL; the logs link opens Discover with the entity's
       * `gogidix.io/logs-query`.
       * @visibility frontend
       */
      baseUrl: string;
    };
    jaeger?: {
      /**
       * Jaeger UI's base URL; the traces link opens search for the entity's
       * `gogidix.io/trace-service`.
       * @visibility frontend
       */
      baseUrl: string;
    };
  };
}
