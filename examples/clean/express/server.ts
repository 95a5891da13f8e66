import express from 'express';
import cors from 'cors';

const app = express();
const origins = ['https://app.example.com', /^https:\/\/[a-z0-9-]+\.preview\.example\.com$/];

app.use(cors({ origin: origins, credentials: true }));
app.get('/items', (_req, res) => res.json([]));

app.listen(3000);
