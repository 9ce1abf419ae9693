/** The steps to make a known-machine reference; nothing in Diligence calls a model. */

/** A short, always-visible explanation with the command to run. */
export function MachineReferenceHowTo() {
  return (
    <section class="card stack" aria-labelledby="howto-heading" data-testid="machine-howto">
      <h2 id="howto-heading">How to make a machine reference</h2>
      <p class="small">
        A known-human reference says how often people's text looks machine-made. A known-machine
        reference, written by the models you suspect on your own domain's prompts, says how machine
        text of your domain looks. With both attached, the estimate is a fit of the two.
      </p>
      <ol class="small howto-steps">
        <li>
          Write the prompts from a known-human reference file:{' '}
          <code>npx diligence reference prompts &lt;human file&gt;</code> (one prompt a line, from
          the records' first sentences).
        </li>
        <li>Send the prompts to each model you suspect the vendor used.</li>
        <li>
          Save the answers as JSON Lines, one object a line with a <code>text</code> field, one file
          per model (40 answers or more).
        </li>
        <li>
          Upload each file here as <strong>Known-machine</strong>, naming the model as its
          generator, then attach it to the assessment beside the human reference.
        </li>
      </ol>
      <p class="small muted">
        Nothing in Diligence calls a model: you run the prompts yourself, with your own accounts.
      </p>
    </section>
  );
}
