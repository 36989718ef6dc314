export { openDatabase, inTransaction, type Store, type Db } from './open-database.ts';
export * as schema from './schema.ts';
export { getOperatorSettings, setOperatorSetting, parseSettingValue } from './settings-store.ts';
export { saveTariffVersion, listTariffVersions, loadTariffVersions, type SavedTariff } from './tariff-store.ts';
export { createBatch, finishBatch, getBatch, createDbSink, createRowWriter, eventRow, eventValues, type BatchCounts, type RowWriter } from './ingest-store.ts';
export { createWorkerSink } from './create-worker-sink.ts';
export {
  listUsageEvents,
  getUsageEvent,
  iterateUnratedEvents,
  saveRatings,
  usageCounts,
  iterateRatedCosts,
  toRecordAndClassification,
  findEventIdByKey,
  toUsageView,
  type UsageView,
} from './usage-store.ts';
export { listQuarantine, openQuarantineWithBatch, markReplayed, updateQuarantined } from './quarantine-store.ts';
