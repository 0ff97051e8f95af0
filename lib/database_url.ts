/**
 * Connection URLs read as libpq reads them, one host or several (`postgres://u@h1:p1,h2:p2/db`):
 * the WHATWG URL parser refuses the multi-host form, and the driver's own handling of it is
 * not used (see `HostRoute` in db/socket.ts).
 */

/** A connection URL read as libpq reads it: one host or several (`h1:p1,h2:p2`). */
export interface DatabaseUrl {
  hosts: { host: string; port: number }[];
  /** The database name. */
  database: string;
  /** The URL with its first host only and without `target_session_attrs`, for the driver. */
  driverUrl: string;
  params: URLSearchParams;
}

/** Splits a `postgres://` URL into its hosts (libpq's multi-host form) and the rest. */
export function parseDatabaseUrl(url: string): DatabaseUrl {
  const m = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)([^?#]*)(\?[^#]*)?/.exec(url);
  if (!m) throw new Error("not a postgres:// URL");
  const [, scheme, user = "", hostList, path, query = ""] = m;
  const hosts = (hostList || "localhost").split(",").map((h) => {
    // [::1]:5432, host:5432 or host alone.
    const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(h);
    const [host, port] = v6 ? [v6[1], v6[2]] : h.split(":");
    return { host: decodeURIComponent(host || "localhost"), port: Number(port || 5432) };
  });
  const params = new URLSearchParams(query);
  params.delete("target_session_attrs");
  const first = hostList.split(",")[0];
  const rest = params.size ? `?${params}` : "";
  return {
    hosts,
    database: decodeURIComponent(path.replace(/^\//, "")),
    driverUrl: `${scheme}${user}${first}${path}${rest}`,
    params,
  };
}

/** What is wrong with a DATABASE_URL-style setting, or undefined. */
export function databaseUrlProblem(url: string): string | undefined {
  let parsed: DatabaseUrl;
  try {
    parsed = parseDatabaseUrl(url);
  } catch {
    return "must be a postgres:// or postgresql:// URL";
  }
  if (parsed.hosts.some((h) => !Number.isInteger(h.port) || h.port < 1 || h.port > 65535)) {
    return "has a host with an invalid port";
  }
  const tls = parsed.params.get("sslmode") ?? parsed.params.get("ssl");
  if (parsed.hosts.length > 1 && tls !== null && tls !== "disable" && tls !== "false") {
    return "names several hosts with TLS, which is not supported: route through one " +
      "address instead (HAProxy, README: High availability)";
  }
  return undefined;
}
