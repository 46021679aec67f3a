import { storeError } from "@cigen/store-dir/kit";
import { RedisCodes } from "./codes";
import type { RedisSettings } from "./redis-settings";

/** A connected client. */
export type Redis = Awaited<ReturnType<typeof newConnection>>;

/** How long connecting, and each store operation, may take before the store gives up. */
const CONNECT_TIMEOUT_MS = 5_000;
const OPERATION_TIMEOUT_MS = 15_000;

const AUTH_ERROR = /WRONGPASS|NOAUTH|invalid password|invalid username|NOPERM/i;

/** The client library, once loaded (see newConnection). */
let library: typeof import("@redis/client") | undefined;

/** One connection per URL for the plugin's life (cigen asks about many jobs in one run). */
const connections = new Map<string, Promise<Redis>>();

/**
 * Runs `operation` on a connection to the store's server. Any failure is turned into a store error
 * that names the server (without credentials), the setting and a fix; the connection is then
 * dropped, so the next call starts afresh instead of reusing a broken one.
 */
export async function withRedis<T>(settings: RedisSettings, operation: (redis: Redis) => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${OPERATION_TIMEOUT_MS} ms`)), OPERATION_TIMEOUT_MS);
  });
  try {
    return await Promise.race([connect(settings).then(operation), timeout]);
  } catch (e) {
    // A server's error reply leaves the connection usable (and other calls may be using it);
    // anything else (refused, timed out, credentials) means starting afresh next time.
    if (!isErrorReply(e) || AUTH_ERROR.test(messageOf(e))) drop(settings.url);
    throw redisError(settings, e);
  } finally {
    clearTimeout(timer);
  }
}

function connect(settings: RedisSettings): Promise<Redis> {
  let connection = connections.get(settings.url);
  if (!connection) {
    connection = newConnection(settings.url);
    connections.set(settings.url, connection);
  }
  return connection;
}

/**
 * A client that fails fast: a store that is down must fail the call (the job then runs), not retry
 * forever. The client library is loaded on first use, which keeps the plugin's handshake fast.
 */
async function newConnection(url: string) {
  library ??= await import("@redis/client");
  const client = library.createClient({
    url,
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: false },
    disableOfflineQueue: true,
  });
  // Without a listener an error event would crash the plugin; the failed command reports it.
  client.on("error", () => {});
  return client.connect();
}

function drop(url: string): void {
  const connection = connections.get(url);
  connections.delete(url);
  connection?.then(
    (client) => client.destroy(),
    () => {},
  );
}

function redisError(settings: RedisSettings, e: unknown): Error {
  const text = messageOf(e);
  const where = `the redis signature store at ${settings.shownUrl} (from ${settings.urlEnv}, skip_store.url_env)`;
  if (AUTH_ERROR.test(text)) {
    return storeError(
      RedisCodes.AUTH_FAILED,
      `${where} refused the credentials: ${text}`,
      `put the right user and password in ${settings.urlEnv}: redis://user:password@host:6379 (the user needs GET, SET, MGET, EXPIRE and sorted-set commands)`,
    );
  }
  if (isErrorReply(e)) {
    return storeError(
      RedisCodes.COMMAND_FAILED,
      `${where} answered with an error: ${text}`,
      "point the store at a writable primary with free memory, or use a prefix whose keys are not used by something else",
    );
  }
  return storeError(
    RedisCodes.UNREACHABLE,
    `${where} cannot be reached: ${text}`,
    `check that the server is running and reachable from this machine, and that ${settings.urlEnv} has the right host and port`,
  );
}

/** An error the server answered with (as opposed to a connection that failed). */
function isErrorReply(e: unknown): boolean {
  return library !== undefined && e instanceof library.ErrorReply;
}

function messageOf(e: unknown): string {
  if (library && e instanceof library.MultiErrorReply) {
    // "2 commands failed, see .replies" says nothing: show what the server said.
    return [...new Set([...e.errors()].map((reply) => reply.message))].join("; ");
  }
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return (e instanceof Error ? e.message : String(e)) || code || "connection failed";
}
