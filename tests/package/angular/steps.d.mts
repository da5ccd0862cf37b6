// The types of steps.mjs (copied here by the test harness), for this TypeScript app.
export function threeSteps(lib: unknown, where: { endpoint: string | null; clientId: string | null; username: string | null }): Promise<unknown>;
export function failure(error: unknown): string;
