import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The departments the default complaint catalogue routes to, so that on a fresh install a
 * dispatched complaint lands with a department coordination knows rather than flagged unknown.
 * Their webhooks are left to the admin: a URL carries the receiver's credentials.
 */
const DEFAULT_DEPARTMENTS: ReadonlyArray<readonly [code: string, nameZh: string, nameEn: string]> = [
  ['ecology-environment', '市生态环境局', 'Municipal Ecology and Environment Bureau'],
  ['housing-construction', '市住房和城乡建设局', 'Municipal Housing and Urban-Rural Development Bureau'],
  ['market-supervision', '市市场监督管理局', 'Municipal Market Supervision Administration'],
  ['traffic-police', '市公安局交通警察支队', 'Traffic Police Division of the Municipal Public Security Bureau'],
  ['water-affairs', '市水务局', 'Municipal Water Affairs Bureau'],
];

export class SeedDefaultDepartments1795700000001 implements MigrationInterface {
  readonly name = 'SeedDefaultDepartments1795700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const values = DEFAULT_DEPARTMENTS.map((_, index) => `($${index * 3 + 1}, $${index * 3 + 2}, $${index * 3 + 3})`).join(', ');
    // An install that already entered one of them keeps its own entry.
    await queryRunner.query(`INSERT INTO "coordination".department (code, name_zh, name_en) VALUES ${values} ON CONFLICT (code) DO NOTHING`, DEFAULT_DEPARTMENTS.flat());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "coordination".department WHERE code = ANY($1::text[])`, [DEFAULT_DEPARTMENTS.map(([code]) => code)]);
  }
}
