import pino from 'pino';
import { startTracing } from './tracing';
import { SERVICE, createApp } from './app';

const tracing = startTracing();
const logger = pino({ name: SERVICE });
const port = Number(process.env.PORT ?? ${{ values.port }});
const app = createApp({ logger });

app.server.listen(port, () => logger.info({ port }, `${SERVICE} listening`));

process.on('SIGTERM', () => {
  app.drain();
  // Give the mesh time to notice readiness going down, then stop.
  setTimeout(() => {
    app.server.close(() => void tracing?.shutdown().finally(() => process.exit(0)));
  }, 5000).unref();
});
