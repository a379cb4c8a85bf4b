import { Controller, Get, Inject, Injectable, Module, NotFoundException, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { Public } from '@civicflow/auth';
import { CONFIG } from '@civicflow/config';
import { MailSinkConfig } from '../notification.config';
import { CapturedMail, MailSink } from './mail-sink';

@Injectable()
export class MailSinkLifecycle implements OnModuleInit, OnApplicationShutdown {
  readonly sink?: MailSink;
  private readonly log = new Logger('MailSink');

  constructor(@Inject(CONFIG) private readonly config: MailSinkConfig) {
    if (config.MAIL_SINK_ENABLED) this.sink = new MailSink(join(config.DATA_DIR, 'mail'));
  }

  async onModuleInit(): Promise<void> {
    if (!this.sink) return;
    if (this.config.NODE_ENV === 'production') throw new Error('MAIL_SINK_ENABLED must not be set in production: it would swallow every e-mail');
    const port = await this.sink.start(this.config.MAIL_SINK_PORT);
    this.log.log(`development mail sink on smtp://127.0.0.1:${port}; messages at GET /dev/mail and in ${join(this.config.DATA_DIR, 'mail')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sink?.stop();
  }
}

/** Development only: the e-mail the platform sent, so a developer can read it. */
@ApiTags('development')
@Controller('dev/mail')
export class MailSinkHttpController {
  constructor(private readonly lifecycle: MailSinkLifecycle) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: 'E-mail received by the development sink, newest first.' })
  list(): CapturedMail[] {
    if (!this.lifecycle.sink) throw new NotFoundException({ code: 'mail_sink_disabled', message: 'the development mail sink is off (MAIL_SINK_ENABLED=false)' });
    return this.lifecycle.sink.list();
  }
}

@Module({ controllers: [MailSinkHttpController], providers: [MailSinkLifecycle] })
export class MailSinkModule {}
