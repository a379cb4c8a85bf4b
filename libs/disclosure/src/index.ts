export { DisclosureModule } from './disclosure.module';
export { disclosureMigrations } from './migrations';
export { PUBLICATION_KINDS, type Publication, type PublicationKind } from './domain/publication';
