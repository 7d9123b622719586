import 'reflect-metadata';
import { Job } from 'bullmq';
import { AnyJob, PayloadOf } from './queue-names';

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

/** A method that handles one job: its payload typed by the job map. Must be idempotent (retries). */
export type JobHandlerMethod<J extends AnyJob> = (payload: PayloadOf<J>, job: Job) => Promise<unknown>;
/** Called once a job has used up its attempts and will not run again. */
export type JobExhaustedMethod<J extends AnyJob> = (payload: PayloadOf<J>, error: Error) => Promise<void>;

/** What a processor class declares: job -> the method that handles it (and the one told when it gives up). */
export interface JobHandlerDeclaration {
  job: AnyJob;
  handle?: string | symbol;
  onExhausted?: string | symbol;
}

function declare(target: object, job: AnyJob, role: 'handle' | 'onExhausted', method: string | symbol): void {
  const owner = target.constructor;
  const declared: JobHandlerDeclaration[] = Reflect.getOwnMetadata(JOB_HANDLERS, owner) ?? [];
  const existing = declared.find((declaration) => declaration.job === job);
  if (existing?.[role]) throw new Error(`${owner.name} handles ${job.queue}/${job.name} twice`);
  if (existing) existing[role] = method;
  else declared.push({ job, [role]: method });
  Reflect.defineMetadata(JOB_HANDLERS, declared, owner);
}

/**
 * Marks the method that handles a job of the map (one method per job; the worker discovers every
 * provider's handlers and routes jobs by name). The method's payload type is checked against the map.
 */
export const OnJob =
  <J extends AnyJob>(job: J) =>
  (target: object, method: string | symbol, _descriptor: { value?: JobHandlerMethod<J> }): void =>
    declare(target, job, 'handle', method);

/** Marks the method told once a job has used up its attempts (the job must also have an @OnJob). */
export const OnJobExhausted =
  <J extends AnyJob>(job: J) =>
  (target: object, method: string | symbol, _descriptor: { value?: JobExhaustedMethod<J> }): void =>
    declare(target, job, 'onExhausted', method);

/** The jobs a class handles (empty for a class that is not a processor). */
export function jobHandlersOf(type: object): JobHandlerDeclaration[] {
  return Reflect.getOwnMetadata(JOB_HANDLERS, type) ?? [];
}
