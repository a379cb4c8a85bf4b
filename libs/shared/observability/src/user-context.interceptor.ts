import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { RequestContext } from './request-context';

/** Interceptors run after guards, so the authenticated user is known here and joins the log context. */
@Injectable()
export class UserContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const user = context.switchToHttp().getRequest<{ user?: { id?: unknown } }>().user;
      if (typeof user?.id === 'string') RequestContext.assignUser(user.id);
    }
    return next.handle();
  }
}
