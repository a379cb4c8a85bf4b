import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextData {
  /** Follows one piece of work across HTTP calls, events and services. */
  correlationId: string;
  /** Id of the event whose handling started this work. */
  causationId?: string;
  userId?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const RequestContext = {
  run<Result>(context: RequestContextData, work: () => Result): Result {
    return storage.run({ ...context }, work);
  },

  current(): Readonly<RequestContextData> | undefined {
    return storage.getStore();
  },

  /** Authentication happens after the context opens, so the user joins it later. */
  assignUser(userId: string): void {
    const context = storage.getStore();
    if (context) context.userId = userId;
  },
};
