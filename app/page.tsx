export default function HomePage() {
  return <h1>Disc Trial Finder</h1>;
}
