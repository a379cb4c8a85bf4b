import { BadRequestException, Body, ConflictException, Controller, Delete, Get, HttpCode, NotFoundException, Param, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Public, Role, Roles } from '@civicflow/auth';
import { CategoryCatalogue } from '../category-catalogue';
import { CATEGORY_CODE_PATTERN } from '../domain/category';
import { CategoryConflictError, CategoryNotFoundError, InvalidCategoryError } from '../domain/category.errors';
import {
  CategoryDetailQueryDto,
  CategoryDetailResponse,
  CategoryListQueryDto,
  CategoryListResponse,
  CategoryResponse,
  PutCategoryRequestDto,
} from './category.dto';

/** The part of Fastify's reply this controller uses: the status of a PUT depends on whether it created. */
interface ReplyStatus {
  status(statusCode: number): unknown;
}

/**
 * The category catalogue. Reading it is public, since the catalogue holds no personal data
 * and every intake channel (web, Open311 clients) offers it; only admins change it.
 */
@ApiTags('categories')
@Controller('api/v1/categories')
export class CategoriesHttpController {
  constructor(private readonly catalogue: CategoryCatalogue) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'List the category catalogue: major classes with their sub classes' })
  @ApiOkResponse({ type: CategoryListResponse })
  @ApiBadRequestResponse({ description: 'An unknown tree, locale or query parameter.' })
  async list(@Query() query: CategoryListQueryDto): Promise<CategoryListResponse> {
    const locale = query.locale ?? 'zh-CN';
    const majors = await this.catalogue.list({ tree: query.tree, includeInactive: query.includeInactive });
    return {
      items: majors.map(({ majorClass, subClasses }) => ({
        ...CategoryResponse.from(majorClass, locale),
        subClasses: subClasses.map((subClass) => CategoryResponse.from(subClass, locale)),
      })),
    };
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'One class: a sub class with its major class, or a major class with its sub classes' })
  @ApiOkResponse({ type: CategoryDetailResponse })
  @ApiBadRequestResponse({ description: 'Not a category code.' })
  @ApiNotFoundResponse({ description: 'No class has this code.' })
  async find(@Param('code') code: string, @Query() query: CategoryDetailQueryDto): Promise<CategoryDetailResponse> {
    assertCategoryCode(code);
    const locale = query.locale ?? 'zh-CN';
    const sub = await this.catalogue.find(code);
    if (sub) return { ...CategoryResponse.from(sub.subClass, locale), majorClass: CategoryResponse.from(sub.majorClass, locale) };
    const major = await this.catalogue.findMajor(code, { includeInactive: query.includeInactive });
    if (major) return { ...CategoryResponse.from(major.majorClass, locale), subClasses: major.subClasses.map((subClass) => CategoryResponse.from(subClass, locale)) };
    throw notFound(new CategoryNotFoundError(code));
  }

  @Put(':code')
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a class, or replace the one with this code' })
  @ApiCreatedResponse({ type: CategoryResponse, description: 'Created.' })
  @ApiOkResponse({ type: CategoryResponse, description: 'Replaced.' })
  @ApiBadRequestResponse({ description: 'The class breaks a rule; `message` lists every problem, each starting with its field path.' })
  @ApiConflictResponse({ description: 'The class contradicts the catalogue: its major class is missing, of the other tree or inactive; its standard code is taken; or the change would strand sub classes.' })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
  @ApiForbiddenResponse({ description: 'Needs the admin role.' })
  async put(
    @Param('code') code: string,
    @Body() body: PutCategoryRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: ReplyStatus,
  ): Promise<CategoryResponse> {
    try {
      const { definition, created } = await this.catalogue.upsert({ ...body, code }, user.id);
      reply.status(created ? 201 : 200);
      return CategoryResponse.from(definition, 'zh-CN');
    } catch (error) {
      if (error instanceof InvalidCategoryError) throw new BadRequestException({ statusCode: 400, code: error.code, message: error.problems.map((problem) => problem.message) });
      if (error instanceof CategoryConflictError) throw new ConflictException({ statusCode: 409, code: error.reason, message: error.problems.map((problem) => problem.message) });
      throw error;
    }
  }

  @Delete(':code')
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate a class (a major class with its sub classes); complaints keep their category' })
  @ApiNoContentResponse({ description: 'Deactivated, or already inactive.' })
  @ApiBadRequestResponse({ description: 'Not a category code.' })
  @ApiNotFoundResponse({ description: 'No class has this code.' })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
  @ApiForbiddenResponse({ description: 'Needs the admin role.' })
  async deactivate(@Param('code') code: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    assertCategoryCode(code);
    try {
      await this.catalogue.deactivate(code, user.id);
    } catch (error) {
      if (error instanceof CategoryNotFoundError) throw notFound(error);
      throw error;
    }
  }
}

function assertCategoryCode(code: string): void {
  if (!CATEGORY_CODE_PATTERN.test(code)) throw new BadRequestException({ statusCode: 400, code: 'invalid_category_code', message: ['code must be a category code such as street-vending'] });
}

function notFound(error: CategoryNotFoundError): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: error.code, message: error.message });
}
