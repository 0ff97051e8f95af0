import type { Config } from "./config.ts";
import type { Tokens } from "./lib/tokens.ts";
import type { AuditAction, AuditResource } from "./db/audit.ts";
import type { Scope } from "./db/scope.ts";

/** The signed-in caller, as proven by a valid access token. */
export interface AuthUser {
  id: number;
  role: "user" | "admin";
  sessionId: string;
}

/** Variables every handler may read from the context. */
export interface AppEnv {
  Variables: {
    config: Config;
    tokens: Tokens;
    requestId: string;
    user: AuthUser;
    /** The signed-in caller's handle on the database (db/scope.ts): every record query's first argument. */
    db: Scope;
    /** The user a refused token names (expired or of an ended session): for the audit trail. */
    caller: number;
    audit: AuditNote;
  };
}

/** What a handler tells the audit middleware about the request it served. */
export interface AuditNote {
  action?: AuditAction;
  resourceType?: AuditResource;
  resourceId?: number | null;
  patientIds?: number[];
  /** The clinic those patients belong to (null or unset: personal, or several). */
  clinicId?: number | null;
  /** The write's own statement stored the event of an answer with this status. */
  written?: number;
}
