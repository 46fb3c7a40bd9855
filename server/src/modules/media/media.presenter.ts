import type { ActingUser } from '../../http/actingUser.js';
import { presentUserRef, type UserRef } from '../users/users.presenter.js';
import { allowedType } from './media.allowlist.js';
import type { mediaLookups, MediaParentKind, MediaRow } from './media.repo.js';
import { parentOf } from './media.repo.js';
import { mayDownloadMedia } from './media.policy.js';

export interface MediaJson {
  id: number;
  record: { kind: MediaParentKind; id: number };
  title: string;
  titleAr: string;
  category: { id: number; title: string; titleAr: string } | null;
  /** The uploader's file name, cleaned: display text only. */
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: UserRef | null;
  createdAt: string;
  updatedAt: string;
  /** This user may fetch the bytes (canAccessMedia or Admin). */
  canDownload: boolean;
  /** The type may be shown inline (`?inline=1`): images, PDF, audio, video. */
  previewable: boolean;
}

type Lookups = Awaited<ReturnType<typeof mediaLookups>>;

export function presentMedia(viewer: ActingUser, row: MediaRow, look: Lookups): MediaJson {
  const cat = row.categoryId !== null ? look.categories.get(row.categoryId) : undefined;
  return {
    id: row.id,
    record: parentOf(row),
    title: row.title,
    titleAr: row.titleAr,
    category: cat ? { id: cat.id, title: cat.title, titleAr: cat.titleAr } : null,
    fileName: row.originalName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: presentUserRef(viewer, row.uploadedById, look.users),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canDownload: mayDownloadMedia(viewer),
    previewable: allowedType(row.mimeType)?.inline ?? false,
  };
}
