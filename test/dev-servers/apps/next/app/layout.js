// The smallest Next.js app router app (nextjs.org/docs/app/getting-started/layouts-and-pages).
export const metadata = { title: 'dashboard' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
