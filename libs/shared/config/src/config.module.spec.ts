import { Inject, Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Static, Type } from '@sinclair/typebox';
import { CONFIG, ConfigModule } from './config.module';
import { ConfigurationError } from './configuration-error';
import { httpVariables } from './shared-variables';

const schema = Type.Object({ ...httpVariables(3000) });

@Injectable()
class NeedsConfig {
  constructor(@Inject(CONFIG) readonly config: Static<typeof schema>) {}
}

describe('ConfigModule', () => {
  it('injects the validated configuration anywhere', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(schema, { PORT: '4100' })],
      providers: [NeedsConfig],
    }).compile();
    expect(moduleRef.get(NeedsConfig).config.PORT).toBe(4100);
  });

  it('stops the application from starting on bad configuration', async () => {
    await expect(
      Test.createTestingModule({ imports: [ConfigModule.forRoot(schema, { PORT: 'x' })] }).compile(),
    ).rejects.toBeInstanceOf(ConfigurationError);
  });
});
