import { randomUUID } from 'node:crypto';
import { checkKbli, checkRupiah, issue, type RuleIssue } from '@jejaring/db/rules';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { ActorRole } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { localized, ruleFailures } from '../../errors.ts';
import { ProductCategory } from '../../graphql/enums.ts';
import { decodeGlobalId } from '../../graphql/global-id.ts';
import { RupiahScalar } from '../../graphql/scalars.ts';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import { type Writer, writerAsAdministrator, writerOfEnterprise } from '../audit/writer.ts';
import { findPartyKind } from '../party/party.queries.ts';
import { productById } from './product.loaders.ts';
import { Product } from './product.types.ts';
import { insertProduct, lockProduct, type ProductColumns, updateProductColumns } from './product-write.queries.ts';

@InputType('ProductInput', { description: 'A product a seller offers, as entered.' })
export class ProductInput {
  @Field(() => String)
  name!: string;
  @Field(() => ProductCategory)
  category!: ProductCategory;
  @Field(() => String, {
    nullable: true,
    description: 'The unit it is sold in ("kg", "pcs", "paket"); "unit" when omitted.',
  })
  unit?: string | null;
  @Field(() => RupiahScalar, { nullable: true, description: 'The usual price of one unit, whole rupiah, at least 0.' })
  unitPrice?: number | null;
  @Field(() => String, { nullable: true, description: 'The KBLI 2020 code (5 digits of a division that exists).' })
  kbliCode?: string | null;
}

/** The columns of a product as entered, or the rule failures. */
function productColumns(input: ProductInput): ProductColumns {
  const failures: RuleIssue[] = [];
  const name = input.name.trim();
  if (name === '') failures.push(issue('REQUIRED', 'name', 'nama produk wajib diisi', 'the name is required'));
  if (input.unitPrice != null) {
    const price = checkRupiah(input.unitPrice, 'unitPrice', { positive: false });
    if (price) failures.push(price);
  }
  let kbli: string | null = null;
  if (input.kbliCode) {
    const checked = checkKbli(input.kbliCode, 'kbliCode');
    if (checked.failure) failures.push(checked.failure);
    kbli = checked.value;
  }
  if (failures.length > 0) throw ruleFailures(failures);
  return {
    name,
    category: input.category,
    unit: input.unit?.trim() || 'unit',
    unit_price: input.unitPrice ?? null,
    kbli_code: kbli,
  };
}

/**
 * Who may change a seller's catalogue: an operator the enterprises its agency registered, an
 * administrator any seller (enterprise, cooperative or vendor).
 */
async function writerOfSeller(trx: Parameters<typeof writerOfEnterprise>[0], ctx: Context, sellerId: number) {
  const kind = await findPartyKind(trx, ctx.tenantId, sellerId);
  if (kind === 'ENTERPRISE') return writerOfEnterprise(trx, ctx, sellerId);
  return writerAsAdministrator(ctx, "changes a cooperative's or a vendor's products");
}

@Resolver()
export class ProductWriteResolver {
  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => Product, {
    description:
      "Adds a product to a seller's catalogue (an operator: of an enterprise its agency registered). BAD_USER_INPUT for what the rules refuse; NOT_FOUND for a seller that is not an enterprise, a cooperative or a vendor. Audited.",
  })
  async addProduct(
    @Arg('sellerId', () => ID) sellerGlobal: string,
    @Arg('input', () => ProductInput) input: ProductInput,
    @Ctx() ctx: Context,
  ) {
    const sellerId = decodeGlobalId(sellerGlobal, 'sellerId', ['Enterprise', 'Cooperative', 'Vendor']).id;
    const columns = productColumns(input);
    const id = await ctx.db.transaction().execute(async (trx) => {
      const kind = await findPartyKind(trx, ctx.tenantId, sellerId);
      if (kind !== 'ENTERPRISE' && kind !== 'COOPERATIVE' && kind !== 'VENDOR') {
        throw localized('NOT_FOUND', 'sellerId', { id: 'penjual tidak ditemukan', en: 'no such seller' });
      }
      const writer: Writer = await writerOfSeller(trx, ctx, sellerId);
      const id = await insertProduct(trx, ctx.tenantId, `PRD-${randomUUID()}`, sellerId, columns);
      await insertAuditEvent(trx, ctx.tenantId, writer, {
        action: 'product.add',
        entity: 'product',
        entityId: id,
        details: { seller: sellerId, values: columns },
      });
      return id;
    });
    return productById(ctx).load(id);
  }

  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => Product, {
    description:
      'Changes a product (every field as given: the input replaces the stored values). The audit trail keeps the values before and after. NOT_FOUND for an unknown product.',
  })
  async updateProduct(
    @Arg('id', () => ID) globalId: string,
    @Arg('input', () => ProductInput) input: ProductInput,
    @Ctx() ctx: Context,
  ) {
    const id = decodeGlobalId(globalId, 'id', ['Product']).id;
    const columns = productColumns(input);
    await ctx.db.transaction().execute(async (trx) => {
      const before = await lockProduct(trx, ctx.tenantId, id);
      if (!before) throw localized('NOT_FOUND', 'id', { id: 'produk tidak ditemukan', en: 'no such product' });
      const writer = await writerOfSeller(trx, ctx, before.seller_id);
      await updateProductColumns(trx, ctx.tenantId, id, columns);
      const { seller_id: _seller, ...old } = before;
      await insertAuditEvent(trx, ctx.tenantId, writer, {
        action: 'product.update',
        entity: 'product',
        entityId: id,
        details: { before: old, after: columns },
      });
    });
    productById(ctx).clear(id);
    return productById(ctx).load(id);
  }
}
