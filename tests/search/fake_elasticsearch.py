"""A loopback HTTP server that answers the Elasticsearch calls the backends make, in memory.

It keeps indexes, aliases and documents and records every request, so the tests can check
the calls the project builds (index names, alias switch, bulk bodies) without a cluster.
Search requests are not answered: searching a real cluster is tested only with
``ELASTICSEARCH_URL`` (tests/search/test_elasticsearch.py).
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit


class FakeCluster:
    """State of the fake cluster: {index: {doc id: document}}, {alias: index}, requests."""

    def __init__(self):
        self.indices: dict[str, dict] = {}
        self.aliases: dict[str, str] = {}
        self.requests: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def resolve(self, name: str) -> str:
        return self.aliases.get(name, name)

    def documents(self, name: str) -> dict:
        return self.indices.get(self.resolve(name), {})


class Handler(BaseHTTPRequestHandler):
    cluster: FakeCluster

    def log_message(self, *args):  # keep the test output clean
        pass

    def _answer(self, status: int, body=None):
        data = b"" if body is None or self.command == "HEAD" else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Type", "application/vnd.elasticsearch+json;compatible-with=9")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _handle(self):
        path = unquote(urlsplit(self.path).path)
        parts = [part for part in path.split("/") if part]
        body = self._body()
        cluster = self.cluster
        with cluster.lock:
            cluster.requests.append((self.command, path))
            ok = {"acknowledged": True}
            if parts and parts[-1] == "_bulk":
                items = []
                lines = [json.loads(line) for line in body.splitlines() if line.strip()]
                default = parts[0] if len(parts) > 1 else None
                for action, document in zip(lines[::2], lines[1::2], strict=False):
                    meta = action.get("index") or action.get("create") or {}
                    index = cluster.resolve(meta.get("_index") or default)
                    cluster.indices.setdefault(index, {})[meta["_id"]] = document
                    items.append({"index": {"_index": index, "_id": meta["_id"], "status": 201}})
                return self._answer(200, {"took": 1, "errors": False, "items": items})
            if len(parts) == 2 and parts[0] == "_alias":  # exists_alias, get_alias
                name = parts[1]
                if name not in cluster.aliases:
                    return self._answer(404, {"error": "alias missing", "status": 404})
                return self._answer(200, {cluster.aliases[name]: {"aliases": {name: {}}}})
            if len(parts) == 3 and parts[1] in ("_alias", "_aliases"):  # put_alias
                cluster.aliases[parts[2]] = parts[0]
                return self._answer(200, ok)
            if len(parts) == 2 and parts[1] == "_mapping":
                return self._answer(200, ok)
            if len(parts) == 2 and parts[1] == "_refresh":
                return self._answer(200, {"_shards": {"total": 1, "successful": 1, "failed": 0}})
            if len(parts) == 3 and parts[1] == "_doc":
                index = cluster.resolve(parts[0])
                if self.command == "DELETE":
                    found = cluster.indices.get(index, {}).pop(parts[2], None) is not None
                    status = 200 if found else 404
                    return self._answer(status, {"result": "deleted" if found else "not_found"})
                cluster.indices.setdefault(index, {})[parts[2]] = json.loads(body or b"{}")
                return self._answer(201, {"result": "created", "_id": parts[2]})
            if len(parts) == 1:
                name = parts[0]
                exists = name in cluster.indices or name in cluster.aliases
                if self.command == "HEAD":
                    return self._answer(200 if exists else 404)
                if self.command == "PUT":
                    cluster.indices.setdefault(name, {})
                    return self._answer(200, ok)
                if self.command == "DELETE":
                    if name in cluster.aliases:
                        return self._answer(400, {"error": "matches an alias", "status": 400})
                    cluster.indices.pop(name, None)
                    for alias, index in list(cluster.aliases.items()):
                        if index == name:
                            del cluster.aliases[alias]
                    return self._answer(200, ok)
            return self._answer(400, {"error": f"not understood: {self.command} {path}"})

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle


class FakeElasticsearch:
    """``with FakeElasticsearch() as fake: fake.url, fake.cluster``."""

    def __enter__(self):
        self.cluster = FakeCluster()
        handler = type("BoundHandler", (Handler,), {"cluster": self.cluster})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
