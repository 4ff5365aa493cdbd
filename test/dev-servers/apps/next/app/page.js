export default function Page() {
  return <p id="app">next app</p>;
}
