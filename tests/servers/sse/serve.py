"""Server-sent events written by sse-starlette, for tests/sse.rs.

GET /ticks?count=N answers N `tick` events, 0.3 s apart, with CRLF line
ends: ids 1..N, a `retry` on the first, each data a JSON object indented
over several lines (so several `data` lines), a comment between events,
and at id 2 data that is not JSON. A `Last-Event-ID` header resumes after
that id; once every event is sent, the answer is 204, which tells an
`EventSource` to stop. `close_after=K` ends each response after K events
(so a client must reconnect), and `retry=MS` sets the `retry` of each
response's first event (1500 unless given). `count=0` is refused with 429
and a JSON body.

Usage: python3 serve.py PORT
"""

import asyncio
import json
import sys

import uvicorn
from sse_starlette.sse import EventSourceResponse, ServerSentEvent
from starlette.applications import Starlette
from starlette.responses import JSONResponse, Response
from starlette.routing import Route


async def ticks(request):
    count = int(request.query_params.get("count", "4"))
    if count == 0:
        return JSONResponse({"error": "too many"}, status_code=429)
    after = int(request.headers.get("last-event-id", "0"))
    if after >= count:
        return Response(status_code=204)
    close_after = int(request.query_params.get("close_after", "0"))
    first_retry = int(request.query_params.get("retry", "1500"))
    last = min(count, after + close_after) if close_after > 0 else count

    async def events():
        for n in range(after + 1, last + 1):
            if n > after + 1:
                yield ServerSentEvent(comment="keep-alive")
                await asyncio.sleep(0.3)
            if n == 2:
                yield ServerSentEvent(data="not json", event="tick", id=str(n))
                continue
            data = json.dumps({"n": n, "note": f"tick {n}"}, indent=1)
            retry = first_retry if n == after + 1 else None
            yield ServerSentEvent(data=data, event="tick", id=str(n), retry=retry)

    return EventSourceResponse(events(), sep="\r\n", ping=600)


app = Starlette(routes=[Route("/ticks", ticks)])

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="info")
