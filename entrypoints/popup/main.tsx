import { render } from 'preact';

render(<h1>Outage Lens</h1>, document.getElementById('app')!);
