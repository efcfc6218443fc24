/** The calm message shown when there is nothing to report. */
export function EmptyState({ title, detail }: { title: string; detail?: string }) {
  return (
    <div class="empty-state" role="status">
      <p class="empty-state__title">{title}</p>
      {detail ? <p class="empty-state__detail">{detail}</p> : null}
    </div>
  );
}
