import Link from 'next/link'

// Rendered per request: proves the standalone server is running, not a static file.
export const dynamic = 'force-dynamic'

export default function Home() {
  return (
    <main>
      <h1>Home</h1>
      <p>Rendered at {new Date().toISOString()}</p>
      <Link href="/about">About</Link>
    </main>
  )
}
