#!/usr/bin/env python3
"""A loopback OpenAI-compatible server for RewardKit's model-client tests and benchmark.

It answers POST /v1/chat/completions and /v1/completions. What it does with a request is
steered by directives written in the request's text (the row's response or prompt):

  @reply=TEXT         the reply content (spaces as _); default <answer>0.5</answer>
  @delay=MS           wait before answering
  @status=CODE:N      answer HTTP CODE to the first N attempts of this body, then normally
  @retry_after=S      with @status: send Retry-After: S
  @drop=N             close the connection without answering the first N attempts
  @malformed          answer 200 with a body that is not JSON
  @truncated          announce a longer body than is sent, then close the connection
  @hang               never answer

Flags: --delay-ms (every reply), --fail-once-percent P (that share of distinct bodies, chosen by
their hash, gets one 500 first), --log FILE (one JSON line per request: attempt, image parts,
whether an Authorization header came, the text). Loopback only; stops on SIGTERM or when its
standard input closes, so a test that dies leaves no server behind.
"""
import argparse, asyncio, hashlib, json, os, re, signal, sys

DIRECTIVE = re.compile(r"@(reply|delay|status|retry_after|drop|malformed|truncated|hang)(?:=(\S+))?")


class Stub:
    def __init__(self, args):
        self.args = args
        self.attempts = {}
        self.log = open(args.log, "a", buffering=1) if args.log else None

    def text_of(self, body):
        if "messages" in body:
            parts = []
            for m in body["messages"]:
                c = m.get("content")
                if isinstance(c, str):
                    parts.append(c)
                elif isinstance(c, list):
                    parts += [p.get("text", "") for p in c if p.get("type") == "text"]
            return "\n".join(parts)
        return body.get("prompt", "")

    def images_of(self, body):
        urls = []
        for m in body.get("messages", []):
            c = m.get("content")
            if isinstance(c, list):
                urls += [p["image_url"]["url"] for p in c if p.get("type") == "image_url"]
        return urls

    async def handle(self, reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip().lower()] = v.strip()
                raw = await reader.readexactly(int(headers.get("content-length", "0")))
                if not await self.respond(lines[0], headers, raw, writer):
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def respond(self, request_line, headers, raw, writer):
        digest = hashlib.sha256(raw).hexdigest()
        attempt = self.attempts.get(digest, 0) + 1
        self.attempts[digest] = attempt
        try:
            body = json.loads(raw)
        except ValueError:
            return self.send(writer, 400, {"error": "body is not JSON"})
        text = self.text_of(body)
        d = {m.group(1): (m.group(2) or "") for m in DIRECTIVE.finditer(text)}
        if self.log:
            self.log.write(json.dumps({"attempt": attempt, "path": request_line.split(" ")[1], "model": body.get("model"),
                                       "images": self.images_of(body), "auth": "authorization" in headers,
                                       "text": text}) + "\n")
        delay = self.args.delay_ms / 1000 + float(d.get("delay", 0)) / 1000
        if "hang" in d:
            await asyncio.sleep(3600)
            return False
        if delay:
            await asyncio.sleep(delay)
        if "drop" in d and attempt <= int(d["drop"]):
            return False
        if "status" in d:
            code, times = d["status"].split(":")
            if attempt <= int(times):
                extra = {"Retry-After": d["retry_after"]} if "retry_after" in d else {}
                return self.send(writer, int(code), {"error": "as asked"}, extra)
        if self.args.fail_once_percent and attempt == 1 and int(digest[:8], 16) % 100 < self.args.fail_once_percent:
            return self.send(writer, 500, {"error": "failing once"})
        if "malformed" in d:
            return self.send_raw(writer, 200, b'{"choices": [{"message": ', "application/json")
        reply = d.get("reply", "<answer>0.5</answer>").replace("_", " ")
        if "messages" in body:
            payload = {"id": "x", "object": "chat.completion", "model": body.get("model"),
                       "choices": [{"index": 0, "message": {"role": "assistant", "content": reply}, "finish_reason": "stop"}]}
        else:
            payload = {"id": "x", "object": "text_completion", "model": body.get("model"),
                       "choices": [{"index": 0, "text": reply, "finish_reason": "stop"}]}
        if "truncated" in d:
            data = json.dumps(payload).encode()
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (len(data) + 50) + data[:len(data) // 2])
            return False
        return self.send(writer, 200, payload)

    def send(self, writer, status, payload, extra=None):
        return self.send_raw(writer, status, json.dumps(payload).encode(), "application/json", extra)

    def send_raw(self, writer, status, data, ctype, extra=None):
        head = "HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %d\r\n" % (status, ctype, len(data))
        for k, v in (extra or {}).items():
            head += "%s: %s\r\n" % (k, v)
        writer.write(head.encode() + b"\r\n" + data)
        return True


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--delay-ms", type=float, default=0)
    parser.add_argument("--fail-once-percent", type=int, default=0)
    parser.add_argument("--log")
    args = parser.parse_args()
    stub = Stub(args)
    server = await asyncio.start_server(stub.handle, "127.0.0.1", args.port, backlog=1024)
    print("listening on %d" % server.sockets[0].getsockname()[1], flush=True)
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, lambda: stop.done() or stop.set_result(None))
    # Standard input closing (the parent died) stops the server too.
    loop.add_reader(sys.stdin.fileno(), lambda: (os.read(sys.stdin.fileno(), 1024) or stop.done() or stop.set_result(None)))
    await stop
    server.close()
    if stub.log:
        stub.log.close()
    # Connections still open (a request told to hang) would print their cancellation on the way out.
    os._exit(0)


if __name__ == "__main__":
    asyncio.run(main())
