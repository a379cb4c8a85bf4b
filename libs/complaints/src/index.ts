export { ComplaintsModule, COMPLAINTS_SERVICE } from './complaints.module';
export { complaintsVariables, type ComplaintsConfig } from './complaints.config';
export {
  type CategoryDefinition,
  type CategoryInput,
  type CategoryLocale,
  type CategoryProblem,
  type CategoryTree,
  type Class721,
  type MajorClass,
  type Route,
  type RouteKind,
  type SubClass,
  routeFor,
  validateCategory,
} from './taxonomy/domain/category';
export { CategoryConflictError, CategoryNotFoundError, InvalidCategoryError } from './taxonomy/domain/category.errors';
export { DEFAULT_CATALOGUE } from './taxonomy/domain/default-catalogue';
export { CategoryCatalogue, type CategoryListOptions, type MajorClassWithSubClasses, type SubClassWithMajor } from './taxonomy/category-catalogue';
