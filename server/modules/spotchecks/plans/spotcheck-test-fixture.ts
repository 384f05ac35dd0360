import { inTransaction } from '../../../core/context';
import type { TestPlatform } from '../../../test/build-test-app';
import { createTestUser } from '../../../test/factories';
import type { EnforcementFixture } from '../../enforcement/enforcement-test-fixture';
import { addChange, createChangeSet, performChangeSetAction } from '../../powers/power-service';

/**
 * The market bureau's 随机抽查事项清单 for spot-check tests and benchmarks: two items approved
 * through the real change-set procedure (the city's liaison drafts, the justice bureau approves),
 * in force from `effectiveOn`. Returns the item ids in code order.
 */
export async function approveSpotCheckItems(
  platform: TestPlatform,
  fixture: EnforcementFixture,
  effectiveOn = '2026-09-28',
): Promise<string[]> {
  const liaison = await fixture.actor(
    await createTestUser(platform, { role: 'liaison', organizationId: fixture.cityId }),
  );
  const justice = await fixture.actor(fixture.users.justice);
  const changeSet = await inTransaction(platform.deps, liaison, (ctx) =>
    createChangeSet(ctx, {
      organizationId: fixture.marketId,
      listKind: 'spotCheck',
      title: '编制随机抽查事项清单',
      reason: '按国办发〔2015〕58号编制',
      basis: null,
      effectiveOn,
    }),
  );
  await inTransaction(platform.deps, liaison, async (ctx) => {
    for (const [index, name] of ['食品经营者经营条件检查', '食品经营者进货查验记录检查'].entries()) {
      await addChange(ctx, changeSet.id, {
        changeType: 'add',
        reason: null,
        content: {
          code: `SC-00${String(index + 1)}`,
          name,
          legalBasisText: '《中华人民共和国食品安全法》第一百一十条',
          details: { subjectType: '食品经营者', content: name, method: '现场检查' },
        },
      } as never);
    }
    await performChangeSetAction(ctx, changeSet.id, { action: 'submit' });
  });
  await inTransaction(platform.deps, justice, (ctx) =>
    performChangeSetAction(ctx, changeSet.id, { action: 'approve' }),
  );
  const rows = await platform.deps.db.execute(
    `SELECT item_id FROM power_item_versions WHERE change_set_id = '${changeSet.id}' ORDER BY code`,
  );
  return (rows as { rows: { item_id: string }[] }).rows.map((row) => row.item_id);
}
