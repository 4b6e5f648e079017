// The aggregation helpers wx-server-sdk has at run time but not in its typings: sub-pipelines
// for $lookup (db.command.aggregate.pipeline()) and $expr queries (db.command.expr).
import { db } from './cloud'

export interface SubPipeline {
  match(query: unknown): SubPipeline
  project(projection: Record<string, unknown>): SubPipeline
  sort(order: Record<string, 1 | -1>): SubPipeline
  group(group: Record<string, unknown>): SubPipeline
  addFields(fields: Record<string, unknown>): SubPipeline
  lookup(lookup: { from: string; localField?: string; foreignField?: string; pipeline?: unknown; as: string }): SubPipeline
  unwind(path: string): SubPipeline
  limit(n: number): SubPipeline
  count(field: string): SubPipeline
  done(): unknown
}

const aggregate = db.command.aggregate as unknown as { pipeline(): SubPipeline }
const command = db.command as unknown as { expr(expression: unknown): unknown }

export const subPipeline = (): SubPipeline => aggregate.pipeline()
export const expr = (expression: unknown) => command.expr(expression)
