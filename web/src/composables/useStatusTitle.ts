import { onMounted } from 'vue';
import { useLocalized } from './useLocalized';
import { useVocabStore } from '../stores/vocab';

/**
 * Records store their status as the English title (as Bayanat does); this shows it in the
 * user's language from the workflow-statuses list, falling back to the stored text.
 */
export function useStatusTitle(): (status: string | null | undefined) => string {
  const vocab = useVocabStore();
  const { title } = useLocalized();
  onMounted(() => {
    vocab.loadSmall('workflow-statuses').catch(() => undefined);
  });
  return (status) => {
    if (!status) return '';
    const term = (vocab.small['workflow-statuses'] ?? []).find((s) => s.title === status);
    return term ? title(term) : status;
  };
}
