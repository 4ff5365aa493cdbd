// An Express app as its docs start one (expressjs.com "Hello world example"), on the port and host given.
import express from 'express';

const [port, host] = process.argv.slice(2);
const app = express();
app.get('/', (_request, response) => {
  response.send('<!doctype html><title>orders</title><p id="app">express app</p>');
});
app.listen(Number(port), host);
