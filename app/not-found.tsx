/** Unknown addresses (and unknown trial ids): say so plainly and offer the way back. */
export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. If you followed a link to a trial, the trial number may be mistyped.</p>
      <p>
        <a href="/trials">Search the trials</a> or <a href="/learn">read the explainers</a>.
      </p>
    </>
  );
}
