import type { ComplaintsArea } from '../complaints-area';
import { CreateCategories1764310000000 } from '../migrations/1764310000000-create-categories';
import { CategoryCatalogue } from './category-catalogue';
import { CategoryEntity } from './category.entity';
import { CategoriesHttpController } from './http/categories.http.controller';

/** The category catalogue (both trees, 721 classes, deadlines) and its HTTP API. */
export const taxonomyArea: ComplaintsArea = {
  entities: [CategoryEntity],
  migrations: [CreateCategories1764310000000],
  controllers: [CategoriesHttpController],
  providers: [CategoryCatalogue],
};
