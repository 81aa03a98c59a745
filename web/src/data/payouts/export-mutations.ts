// The admins' CSV exports: read everything (page by page), build the file in the browser and save
// it. Each resolves to how many rows the file has.
import { useMutation } from '@tanstack/react-query';
import { downloadText } from '../../lib/download.ts';
import { fetchAllBatchPayouts } from './batch-payouts-query.ts';
import { fetchLedgerMovements } from './ledger-movements.ts';
import { batchCsvFileName, batchPayoutsCsv, ledgerCsvFileName, ledgerMovementsCsv } from './payout-csv.ts';

export function useExportBatchMutation() {
  return useMutation({
    mutationKey: ['payouts', 'export-batch'],
    mutationFn: async ({ batchId, periodEnd }: { batchId: string; periodEnd: string }): Promise<number> => {
      const payouts = await fetchAllBatchPayouts(batchId);
      downloadText(batchCsvFileName(periodEnd), batchPayoutsCsv(periodEnd, payouts));
      return payouts.length;
    },
  });
}

export function useExportLedgerMutation() {
  return useMutation({
    mutationKey: ['payouts', 'export-ledger'],
    mutationFn: async ({ from, to }: { from: string; to: string }): Promise<number> => {
      const movements = await fetchLedgerMovements(from, to);
      downloadText(ledgerCsvFileName(from, to), ledgerMovementsCsv(movements));
      return movements.length;
    },
  });
}
