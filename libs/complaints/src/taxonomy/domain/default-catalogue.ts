import type { CategoryDefinition, CategoryTree, Class721, Deadline, MajorClass, SubClass } from './category';

/**
 * The catalogue a new installation starts with, for a city's urban-management bureau.
 * Standard codes follow the layout of GB/T 30428.2 (components: 01 public facilities,
 * 02 road traffic, 03 city appearance, 04 greening; events: 01 city appearance,
 * 02 advertising, 03 construction, 04 emergencies, 05 street order); a bureau renumbers
 * or extends them through the admin API. Deadlines are those a 12345 / 数字城管 centre
 * commonly sets: hours for hazards and for what moves on (a vendor, exposed garbage),
 * working days for repairs and for cases that need a notice or an investigation.
 *
 * The migration that creates the category table seeds it from this list; a later change
 * here reaches databases already migrated only through a new migration.
 */

const hours = (amount: number): Deadline => ({ amount, unit: 'working_hours' });
const days = (amount: number): Deadline => ({ amount, unit: 'working_days' });

interface SubRow {
  sub: string;
  code: string;
  zh: string;
  en: string;
  class721: Class721;
  unit: string;
  deadline: Deadline;
  department?: string;
}

function majorClass(tree: CategoryTree, standardCode: string, code: string, zh: string, en: string, subs: SubRow[]): CategoryDefinition[] {
  const major: MajorClass = { level: 'major', code, tree, standardCode, name: { 'zh-CN': zh, en }, active: true };
  const subClasses = subs.map(
    (row): SubClass => ({
      level: 'sub',
      code: row.code,
      tree,
      standardCode: `${standardCode}${row.sub}`,
      name: { 'zh-CN': row.zh, en: row.en },
      active: true,
      majorCode: code,
      class721: row.class721,
      defaultHandlingUnit: row.unit,
      ...(row.department ? { department: row.department } : {}),
      deadline: row.deadline,
    }),
  );
  return [major, ...subClasses];
}

export const DEFAULT_CATALOGUE: readonly CategoryDefinition[] = [
  ...majorClass('component', '01', 'public-facilities', '公用设施', 'Public facilities', [
    { sub: '01', code: 'manhole-cover-damaged', zh: '井盖缺失或破损', en: 'Manhole cover missing or broken', class721: 'service', unit: 'municipal-facilities-office', deadline: hours(2) },
    { sub: '04', code: 'storm-drain-grate-damaged', zh: '雨水箅子缺失或破损', en: 'Storm drain grate missing or broken', class721: 'service', unit: 'municipal-facilities-office', deadline: hours(4) },
    { sub: '22', code: 'street-lamp-damaged', zh: '路灯不亮或损坏', en: 'Street lamp out or damaged', class721: 'service', unit: 'municipal-facilities-office', deadline: days(2) },
  ]),
  ...majorClass('component', '02', 'road-traffic-facilities', '道路交通设施', 'Road and traffic facilities', [
    { sub: '01', code: 'road-damage', zh: '道路路面破损', en: 'Damaged road surface', class721: 'service', unit: 'municipal-facilities-office', deadline: days(3) },
    { sub: '03', code: 'bus-shelter-damaged', zh: '公交站亭损坏', en: 'Damaged bus shelter', class721: 'service', unit: 'municipal-facilities-office', deadline: days(3) },
    { sub: '10', code: 'traffic-sign-damaged', zh: '交通标志牌损坏', en: 'Damaged traffic sign', class721: 'service', unit: 'municipal-facilities-office', deadline: days(3), department: 'traffic-police' },
    { sub: '11', code: 'guardrail-damaged', zh: '道路护栏损坏', en: 'Damaged road guardrail', class721: 'service', unit: 'municipal-facilities-office', deadline: days(2) },
  ]),
  ...majorClass('component', '03', 'city-appearance-facilities', '市容环境设施', 'City appearance facilities', [
    { sub: '01', code: 'public-toilet-damaged', zh: '公厕设施损坏', en: 'Damaged public toilet', class721: 'service', unit: 'sanitation-team', deadline: days(1) },
    { sub: '04', code: 'litter-bin-damaged', zh: '果皮箱损坏或缺失', en: 'Litter bin damaged or missing', class721: 'service', unit: 'sanitation-team', deadline: days(2) },
  ]),
  ...majorClass('component', '04', 'greening-facilities', '园林绿化设施', 'Greening facilities', [
    { sub: '02', code: 'street-tree-fallen', zh: '行道树倒伏或断枝', en: 'Fallen street tree or broken branch', class721: 'service', unit: 'greening-office', deadline: hours(4) },
    { sub: '03', code: 'tree-guard-damaged', zh: '护树设施损坏', en: 'Damaged tree guard', class721: 'service', unit: 'greening-office', deadline: days(3) },
    { sub: '07', code: 'bench-damaged', zh: '街头座椅损坏', en: 'Damaged street bench', class721: 'service', unit: 'greening-office', deadline: days(3) },
  ]),
  ...majorClass('event', '01', 'city-appearance', '市容环境', 'City appearance', [
    { sub: '01', code: 'illegal-construction', zh: '违法建设（私搭乱建）', en: 'Illegal construction', class721: 'enforcement', unit: 'enforcement-brigade', deadline: days(5) },
    { sub: '02', code: 'exposed-garbage', zh: '暴露垃圾', en: 'Exposed garbage', class721: 'service', unit: 'sanitation-team', deadline: hours(4) },
    { sub: '03', code: 'overflowing-bins', zh: '垃圾桶满溢', en: 'Overflowing bins', class721: 'service', unit: 'sanitation-team', deadline: hours(4) },
    { sub: '04', code: 'dirty-road', zh: '道路不洁', en: 'Dirty road', class721: 'service', unit: 'sanitation-team', deadline: hours(4) },
    { sub: '06', code: 'littered-green-space', zh: '绿地脏乱', en: 'Littered green space', class721: 'service', unit: 'greening-office', deadline: days(1) },
    { sub: '07', code: 'abandoned-furniture', zh: '废弃家具设备', en: 'Abandoned furniture and appliances', class721: 'service', unit: 'sanitation-team', deadline: days(2) },
    { sub: '11', code: 'open-burning', zh: '露天焚烧垃圾或树叶', en: 'Open burning of rubbish or leaves', class721: 'management', unit: 'street-order-squad', deadline: hours(2) },
  ]),
  ...majorClass('event', '02', 'advertising', '宣传广告', 'Advertising', [
    { sub: '01', code: 'illegal-posters', zh: '非法小广告', en: 'Illegal posters and stickers', class721: 'service', unit: 'sanitation-team', deadline: days(1) },
    { sub: '02', code: 'illegal-signboard', zh: '违规设置牌匾标识', en: 'Unauthorised shop signboard', class721: 'management', unit: 'street-order-squad', deadline: days(5) },
    { sub: '03', code: 'unauthorised-outdoor-advertising', zh: '违规设置户外广告', en: 'Unauthorised outdoor advertising', class721: 'enforcement', unit: 'enforcement-brigade', deadline: days(5) },
    { sub: '04', code: 'flyer-distribution', zh: '街头散发广告', en: 'Handing out flyers in the street', class721: 'management', unit: 'street-order-squad', deadline: days(1) },
    { sub: '05', code: 'graffiti', zh: '乱涂乱画', en: 'Graffiti', class721: 'service', unit: 'sanitation-team', deadline: days(2) },
  ]),
  ...majorClass('event', '03', 'construction', '施工管理', 'Construction', [
    { sub: '01', code: 'night-construction-noise', zh: '夜间施工噪声', en: 'Construction noise at night', class721: 'management', unit: 'street-order-squad', deadline: days(1), department: 'ecology-environment' },
    { sub: '02', code: 'construction-dust', zh: '工地扬尘', en: 'Dust from a building site', class721: 'management', unit: 'street-order-squad', deadline: days(1), department: 'housing-construction' },
    { sub: '03', code: 'muck-truck-spillage', zh: '渣土车辆遗撒', en: 'Spillage from muck trucks', class721: 'enforcement', unit: 'enforcement-brigade', deadline: days(1) },
    { sub: '04', code: 'construction-waste-dumping', zh: '建筑垃圾乱堆乱倒', en: 'Dumped construction waste', class721: 'management', unit: 'street-order-squad', deadline: days(2) },
    { sub: '06', code: 'unlicensed-road-digging', zh: '无证掘路', en: 'Digging up a road without a permit', class721: 'enforcement', unit: 'enforcement-brigade', deadline: days(2) },
  ]),
  ...majorClass('event', '04', 'emergencies', '突发事件', 'Emergencies', [
    { sub: '01', code: 'road-collapse', zh: '路面塌陷', en: 'Road collapse', class721: 'service', unit: 'municipal-facilities-office', deadline: hours(2) },
    { sub: '02', code: 'water-main-burst', zh: '自来水管破裂', en: 'Burst water main', class721: 'service', unit: 'municipal-facilities-office', deadline: hours(4), department: 'water-affairs' },
    { sub: '06', code: 'road-waterlogging', zh: '道路积水', en: 'Waterlogged road', class721: 'service', unit: 'municipal-facilities-office', deadline: hours(4) },
    { sub: '07', code: 'road-ice-snow', zh: '道路积雪结冰', en: 'Snow or ice on the road', class721: 'service', unit: 'sanitation-team', deadline: hours(4) },
  ]),
  ...majorClass('event', '05', 'street-order', '街面秩序', 'Street order', [
    { sub: '01', code: 'street-vending', zh: '流动摊贩占道经营', en: 'Street vending on the road', class721: 'management', unit: 'street-order-squad', deadline: hours(4) },
    { sub: '02', code: 'stall-occupying-road', zh: '占道摆摊设点', en: 'Stall occupying the road', class721: 'management', unit: 'street-order-squad', deadline: days(1) },
    { sub: '03', code: 'scrap-collection-on-road', zh: '占道废品收购', en: 'Scrap collection on the road', class721: 'management', unit: 'street-order-squad', deadline: days(1) },
    { sub: '04', code: 'business-outside-shopfront', zh: '出店经营', en: 'Business spilling out of the shop front', class721: 'service', unit: 'street-order-squad', deadline: days(1) },
    { sub: '05', code: 'pavement-parking', zh: '机动车占用人行道停放', en: 'Cars parked on the pavement', class721: 'management', unit: 'street-order-squad', deadline: days(1), department: 'traffic-police' },
    { sub: '06', code: 'shared-bicycles-piled-up', zh: '共享单车堆积', en: 'Shared bicycles piled up', class721: 'service', unit: 'street-order-squad', deadline: days(1) },
    { sub: '08', code: 'unlicensed-food-stall', zh: '无证食品摊贩', en: 'Unlicensed food stall', class721: 'management', unit: 'street-order-squad', deadline: days(2), department: 'market-supervision' },
    { sub: '09', code: 'shop-noise', zh: '商铺噪声扰民', en: 'Noise from a shop', class721: 'management', unit: 'street-order-squad', deadline: days(1) },
    { sub: '10', code: 'outdoor-barbecue', zh: '露天烧烤', en: 'Outdoor barbecue', class721: 'management', unit: 'street-order-squad', deadline: days(1) },
  ]),
  ...majorClass('event', '06', 'green-space', '园林绿化', 'Green space', [
    { sub: '01', code: 'green-space-occupied', zh: '占用绿地', en: 'Green space occupied', class721: 'management', unit: 'greening-office', deadline: days(3) },
    { sub: '02', code: 'green-space-damaged', zh: '绿地损毁', en: 'Damaged green space', class721: 'service', unit: 'greening-office', deadline: days(3) },
    { sub: '03', code: 'unauthorised-tree-felling', zh: '擅自砍伐树木', en: 'Trees felled without a permit', class721: 'enforcement', unit: 'enforcement-brigade', deadline: days(2) },
  ]),
];
