// A refund or a dispute's resolution changes the job's money everywhere: the payable and its lead,
// its refunds and dispute, wallets, and the admins' lists and positions.
import type { QueryClient } from '@tanstack/react-query';

export function refreshAfterMoneyDecision(queryClient: QueryClient) {
  return Promise.all(
    [['leads'], ['payables'], ['payments'], ['refunds'], ['disputes'], ['wallet'], ['money']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}
