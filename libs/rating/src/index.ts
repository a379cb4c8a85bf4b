export { RatingModule } from './rating.module';
export { ratingMigrations } from './migrations';
export { CRITERION_CATEGORIES, type Criterion, type CriterionCategory } from './domain/criterion';
