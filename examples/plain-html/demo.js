// Shows what a <form> with <digit-recognizer name="digit"> submits, without sending anything.
document.getElementById('form').addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(event.target);
  document.getElementById('submitted').textContent = `The form would submit digit=${data.get('digit') ?? ''}`;
});
