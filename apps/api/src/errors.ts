import type { SessionEndReason, ValidationProblem } from "@jindu/domain";

/** An error whose status and message are safe to show the client (4xx). */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly extras: {
      field?: string;
      rule?: string;
      problems?: ValidationProblem[];
      /** On a 401 for a session that has ended: why it ended. */
      reason?: SessionEndReason;
    } = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, field?: string) =>
  new ApiError(400, message, field ? { field } : {});

export const notFound = (message: string) => new ApiError(404, message);

export const conflict = (message: string) => new ApiError(409, message);

/** 400 listing every problem found, the first one as the headline. */
export function invalid(problems: ValidationProblem[]): ApiError {
  const [first] = problems;
  return new ApiError(400, problems.map((p) => p.message).join("; "), {
    ...(first ? { field: first.field, rule: first.rule } : {}),
    problems,
  });
}

/** The rule of a 503 answered because the database is unreachable (the web app names it). */
export const DATABASE_UNAVAILABLE = "database_unavailable";

/** What a 503 tells the client to wait before retrying: about one database restart. */
export const RETRY_AFTER_SECONDS = 2;
