import { defineStore } from 'pinia';
import { ref } from 'vue';
import { bulletinsApi } from '../api/bulletins';
import type { Bulletin, BulletinCreateBody, BulletinUpdateBody, HistoryEntry } from '../api/types';
import { useBulletinListStore } from './bulletinList';

/** The bulletin being viewed or edited, and its history. */
export const useBulletinStore = defineStore('bulletin', () => {
  const current = ref<Bulletin | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const history = ref<HistoryEntry[] | null>(null);
  const historyLoading = ref(false);
  const historyError = ref<unknown>(null);

  async function load(id: number): Promise<void> {
    if (current.value?.id !== id) {
      current.value = null;
      history.value = null;
    }
    loading.value = true;
    error.value = null;
    try {
      current.value = await bulletinsApi.get(id);
    } catch (e) {
      error.value = e;
      current.value = null;
    } finally {
      loading.value = false;
    }
  }

  async function loadHistory(id: number): Promise<void> {
    historyLoading.value = true;
    historyError.value = null;
    try {
      history.value = (await bulletinsApi.history(id)).items;
    } catch (e) {
      historyError.value = e;
    } finally {
      historyLoading.value = false;
    }
  }

  async function create(body: BulletinCreateBody): Promise<Bulletin> {
    const b = await bulletinsApi.create(body);
    current.value = b;
    history.value = null;
    useBulletinListStore().upsert(b);
    return b;
  }

  async function update(id: number, body: BulletinUpdateBody): Promise<Bulletin> {
    const b = await bulletinsApi.update(id, body);
    current.value = b;
    history.value = null;
    useBulletinListStore().upsert(b);
    return b;
  }

  async function remove(id: number, comment: string): Promise<void> {
    await bulletinsApi.remove(id, comment);
    current.value = null;
    useBulletinListStore().removeLocal(id);
  }

  return { current, loading, error, history, historyLoading, historyError, load, loadHistory, create, update, remove };
});
