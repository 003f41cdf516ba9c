// A tiny client-side router: /about is never a file on the server; nginx's
// SPA fallback answers it with index.html and this script renders the view.
const views = { '/': 'Home', '/about': 'About (a client-side route)' }
document.getElementById('view').textContent = views[location.pathname] || 'Not found'
