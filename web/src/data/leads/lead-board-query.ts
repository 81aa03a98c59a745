// The lead board, a page at a time: lead_board returns open board leads newest first, and the next
// page starts after the last card (keyset paging on created_at, id), so new leads posted meanwhile
// never shift or repeat cards.
import { infiniteQueryOptions } from '@tanstack/react-query';
import type { BoardFilterArgs } from '../../lib/board-search-schema.ts';
import { supabase } from '../../lib/supabase.ts';
import type { Database } from '../database.types.ts';

export type BoardLead = Database['public']['Functions']['lead_board']['Returns'][number];

export const BOARD_PAGE_SIZE = 20;

interface PageCursor {
  before_created_at: string;
  before_id: string;
}

export function leadBoardQueryOptions(filters: BoardFilterArgs, pageSize = BOARD_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: ['leads', 'board', filters, pageSize],
    queryFn: async ({ pageParam }): Promise<BoardLead[]> => {
      const { data, error } = await supabase.rpc('lead_board', { ...filters, ...(pageParam ?? {}), page_size: pageSize });
      if (error) throw error;
      return data;
    },
    initialPageParam: null as PageCursor | null,
    // A short page is the last one; a full page may be followed by more.
    getNextPageParam: (lastPage): PageCursor | null | undefined => {
      const last = lastPage.at(-1);
      if (lastPage.length < pageSize || !last) return undefined;
      return { before_created_at: last.created_at, before_id: last.id };
    },
  });
}
