'use strict';
// The smallest Express-like server that botbuilder's ChannelServiceRoutes.register() needs:
// post/get/put/del(path, handler), req.params (decoded), req.query, res.status/send/end.
const http = require('node:http');

function createWebServer() {
    const routes = [];
    const add = (method) => (path, handler) => {
        const names = [];
        const pattern = path.replace(/:(\w+)/g, (_, name) => {
            names.push(name);
            return '([^/]+)';
        });
        routes.push({ method, regex: new RegExp(`^${pattern}$`), names, handler });
    };

    const server = http.createServer((req, res) => {
        const url = new URL(req.url, 'http://localhost');
        const route = routes.find((r) => r.method === req.method && r.regex.test(url.pathname));
        if (!route) {
            res.statusCode = 404;
            res.end();
            return;
        }
        const values = route.regex.exec(url.pathname).slice(1);
        req.params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(values[i])]));
        req.query = Object.fromEntries(url.searchParams);
        res.status = (code) => {
            res.statusCode = code;
            return res;
        };
        res.send = (body) => {
            if (typeof body === 'string') {
                res.write(body);
            } else {
                res.setHeader('Content-Type', 'application/json');
                res.write(JSON.stringify(body));
            }
            return res;
        };
        route.handler(req, res, () => {});
    });

    return { post: add('POST'), get: add('GET'), put: add('PUT'), del: add('DELETE'), server };
}

module.exports = { createWebServer };
