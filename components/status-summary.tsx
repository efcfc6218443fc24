/** One plain sentence on the state of the tab's page right now; `failing` colours it. */
export function StatusSummary({ text, failing }: { text: string; failing: boolean }) {
  return (
    <p class={failing ? 'status status--failing' : 'status status--ok'} role="status">
      {text}
    </p>
  );
}
