export function App() {
  return <h1>Голос</h1>;
}
