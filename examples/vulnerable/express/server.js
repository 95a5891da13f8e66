const express = require('express');
const cors = require('cors');

const app = express();

const allowed = [/example\.com$/, 'https://partner.example.org'];

app.get('/health', (req, res) => res.send('ok'));
app.use(cors({ origin: allowed, credentials: true }));

app.put('/items/:id', cors({ origin: 'https://app.example.com' }), (req, res) => res.json({ ok: true }));

app.get('/legacy', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.json({ legacy: true });
});

app.listen(3000);
