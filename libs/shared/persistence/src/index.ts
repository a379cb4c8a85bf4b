export * from './service-data-source';
export * from './persistence.module';
export * from './redis';
