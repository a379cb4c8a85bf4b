import { EventPattern } from '@nestjs/microservices';
import { EventDefinition } from '@civicflow/contracts';

export interface EventRoute {
  group: string;
  type: string;
}

const GROUP_NAME = /^[a-z][a-z-]*\.[a-z][a-z0-9-]*$/;

/**
 * Marks a controller method as the handler of one event type for one consumer group
 * (`<service>.<purpose>`). The method receives the event (`@Payload()`) and its
 * EventContext (`@Ctx()`), and must write its effects through `context.manager`.
 */
export function OnEvent(group: string, definition: Pick<EventDefinition, 'type'>): MethodDecorator {
  if (!GROUP_NAME.test(group)) throw new Error(`consumer group "${group}" must look like <service>.<purpose>`);
  const route: EventRoute = { group, type: definition.type };
  return EventPattern(route);
}

export function parseEventRoute(pattern: string): EventRoute | undefined {
  try {
    const route = JSON.parse(pattern) as Partial<EventRoute>;
    return typeof route.group === 'string' && typeof route.type === 'string' ? { group: route.group, type: route.type } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One handler for several event types of one consumer group, e.g. a component that acts
 * on any event by configuration. Each type gets its own route (and inbox row), exactly as
 * if the method carried one `@OnEvent` per type.
 */
export function OnEvents(group: string, definitions: ReadonlyArray<Pick<EventDefinition, 'type'>>): MethodDecorator {
  if (!GROUP_NAME.test(group)) throw new Error(`consumer group "${group}" must look like <service>.<purpose>`);
  if (definitions.length === 0) throw new Error(`@OnEvents for "${group}" needs at least one event type`);
  const routes: EventRoute[] = definitions.map((definition) => ({ group, type: definition.type }));
  return EventPattern(routes);
}
