import { Static, TObject, TProperties, Type } from '@sinclair/typebox';
import {
  authVariables,
  databaseVariables,
  httpVariables,
  messagingVariables,
  rateLimitVariables,
  redisVariables,
  runtimeVariables,
  stringEnum,
  MESSAGING_TRANSPORTS,
} from '@civicflow/config';

export interface HostDefaults {
  port: number;
  kafkaClientId: string;
  transport: (typeof MESSAGING_TRANSPORTS)[number];
}

/** The variables every host reads. */
export function hostVariables(defaults: HostDefaults) {
  const messaging = messagingVariables(defaults.kafkaClientId);
  return {
    ...httpVariables(defaults.port),
    ...runtimeVariables,
    ...databaseVariables,
    ...redisVariables,
    ...messaging,
    MESSAGING_TRANSPORT: stringEnum(MESSAGING_TRANSPORTS, {
      default: defaults.transport,
      description: 'How events travel: in-process (embedded default, one process) or kafka.',
    }),
    ...authVariables,
    ...rateLimitVariables,
  };
}

/** A host's configuration schema; a service adds its own variables through `extra`. */
export function hostConfigSchema<Extra extends TProperties>(defaults: HostDefaults, extra: Extra = {} as Extra) {
  return Type.Object({ ...hostVariables(defaults), ...extra });
}

export type HostConfig = Static<TObject<ReturnType<typeof hostVariables>>>;
