// A room's messages, declared with the framework's validate(schema, handler) and
// checked here rather than by the framework. The framework, given a payload its
// schema refuses, printed the schema's issues with a stack trace and closed the
// sender without a reason. Here a refused payload is the sender's bad input: it is
// closed (4002) with a reason that says what was wrong, which is also its one
// cut-off line in the log. A handler that throws is the server's own error: logged
// with its stack, and the sender stays.
import type { Client } from "@colyseus/core";
import type { StandardSchemaV1 } from "@colyseus/shared-types";
import { kick } from "./framework.ts";
import { log } from "./log.ts";

/** What validate(schema, handler) declares; `never` takes a handler of any payload. */
type Declared = Record<string, { format: StandardSchemaV1; handler: (client: Client, message: never, ctx: never) => unknown }>;

/** Each handler, taking the payload its schema describes (clients are typed from it). */
type Checked<Messages extends Declared> = {
  [Type in keyof Messages]: (client: Client, message: StandardSchemaV1.InferInput<Messages[Type]["format"]>) => void;
};

export function checkedMessages<Messages extends Declared>(messages: Messages): Checked<Messages> {
  const checked: Record<string, (client: Client, message: unknown) => void> = {};
  for (const [type, { format, handler }] of Object.entries(messages)) {
    checked[type] = (client, message) => {
      const result = format["~standard"].validate(message);
      // Every schema here checks synchronously (zod without async refinements).
      if (result instanceof Promise) throw new Error(`The schema of "${type}" messages checks asynchronously; room messages need a synchronous one.`);
      if (result.issues) return kick(client, `Bad "${type}" message: ${issueText(result.issues[0]!)}.`);
      try {
        (handler as (client: Client, message: unknown) => unknown)(client, result.value);
      } catch (error) {
        log.error({ err: error, event: "message-handler-failed", type }, `The "${type}" message handler failed for session ${client.sessionId}.`);
      }
    };
  }
  return checked as Checked<Messages>;
}

/** One issue of a refused payload: where in it, and what was wrong ("ms: expected number, received string"). */
function issueText(issue: StandardSchemaV1.Issue): string {
  const path = (issue.path ?? []).map((segment) => String(typeof segment === "object" ? segment.key : segment)).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}
