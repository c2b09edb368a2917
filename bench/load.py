"""Loads a synthetic round through the API and measures the read endpoints; writes a Markdown report.

Traffic goes only to the service given by --base (a loopback address); every loop is bounded in count.
"""
import argparse
import concurrent.futures as cf
import datetime
import json
import os
import platform
import random
import statistics
import time
import urllib.parse
import urllib.request

DEPARTMENTS, COMMITMENTS_PER_DEPT, TARGETS_PER_COMMITMENT = 20, 10, 5
MILESTONES_PER_TARGET, REPORTS_PER_TARGET = 2, 10
WORKERS = 8


def call(method, url, body=None, accept="application/json"):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Accept": accept})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=60) as response:
        payload = response.read()
        return response.status, payload


def post(base, path, body):
    status, payload = call("POST", base + path, body)
    assert status == 201, (path, status, payload)
    return json.loads(payload)["id"]


def load_data(base, rnd):
    round_id = post(base, "/rounds", {"title": "基准测试批次 %d" % time.time_ns(), "year": 2021,
                                     "issuer": "基准测试", "publishedOn": "2021-04-01"})
    departments = [post(base, "/departments", {"code": "b%d-%d" % (time.time_ns() % 10**9, i),
                                               "name": "基准局%d" % i}) for i in range(DEPARTMENTS)]
    commitments = []
    for d in departments:
        for s in range(1, COMMITMENTS_PER_DEPT + 1):
            commitments.append(post(base, "/commitments", {
                "roundId": round_id, "departmentId": d, "seq": s, "title": "基准问题%d" % s,
                "goal": "年内完成长者食堂建设", "measures": [{"seq": 1, "title": "措施", "text": "加快推进"}]}))

    def make_target(commitment):
        target = post(base, "/targets", {
            "commitmentId": commitment, "name": "指标", "unit": "处", "measure": "NUMBER",
            "direction": "INCREASE", "targetValue": 100, "startDate": "2021-01-01", "dueDate": "2021-12-31"})
        for q, planned in (("2021-06-30", 40), ("2021-09-30", 70))[:MILESTONES_PER_TARGET]:
            post(base, "/milestones", {"commitmentId": commitment, "targetId": target, "dueDate": q,
                                       "description": "阶段目标", "plannedValue": planned})
        for i in range(REPORTS_PER_TARGET):
            day = datetime.date(2021, 1, 15) + datetime.timedelta(days=35 * i)
            post(base, "/progress-reports", {"targetId": target, "asOf": day.isoformat(),
                                             "value": min(100, 10 * i + rnd.randint(0, 9))})
        return target

    started = time.perf_counter()
    jobs = [c for c in commitments for _ in range(TARGETS_PER_COMMITMENT)]
    with cf.ThreadPoolExecutor(WORKERS) as pool:
        targets = list(pool.map(make_target, jobs))
    writes = len(targets) * (1 + MILESTONES_PER_TARGET + REPORTS_PER_TARGET)
    return round_id, departments, commitments, targets, writes, time.perf_counter() - started


def measure(name, urls, accept="application/json", requests=200):
    """Sends `requests` GETs (cycling through urls) from WORKERS threads; returns latency stats in ms."""
    def one(i):
        started = time.perf_counter()
        status, payload = call("GET", urls[i % len(urls)], accept=accept)
        assert status == 200, (urls[i % len(urls)], status)
        return (time.perf_counter() - started) * 1000, len(payload)

    call("GET", urls[0], accept=accept)  # warm-up
    started = time.perf_counter()
    with cf.ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(one, range(requests)))
    elapsed = time.perf_counter() - started
    latencies = sorted(r[0] for r in results)
    pick = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))]
    return {"name": name, "n": requests, "p50": pick(0.50), "p95": pick(0.95), "p99": pick(0.99),
            "max": latencies[-1], "rps": requests / elapsed, "bytes": statistics.mean(r[1] for r in results)}


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--report", required=True)
    parser.add_argument("--command", required=True)
    args = parser.parse_args()
    rnd = random.Random(2021)
    base = args.base
    rss_idle = rss_mb(args.pid)
    round_id, departments, commitments, targets, writes, load_seconds = load_data(base, rnd)
    q = urllib.parse.quote
    rows = [
        measure("GET /rounds/{id}/progress (1,000 targets)", [base + "/rounds/%s/progress" % round_id], requests=60),
        measure("GET /progress?quarter=2021-Q3&groupBy=department (round of 1,000 targets)",
                [base + "/progress?quarter=2021-Q3&groupBy=department&roundId=" + round_id], requests=60),
        measure("GET /progress?quarter=2021-Q3&groupBy=commitment, CSV",
                [base + "/progress?quarter=2021-Q3&groupBy=commitment&roundId=" + round_id],
                accept="text/csv", requests=60),
        measure("GET /departments/{id}/progress (50 targets)",
                [base + "/departments/%s/progress" % d for d in departments]),
        measure("GET /targets/{id}/progress", [base + "/targets/%s/progress" % t for t in targets[:100]]),
        measure("GET /milestones?overdue=true&asOf=2021-10-01 (round)",
                [base + "/milestones?overdue=true&asOf=2021-10-01&size=200&roundId=" + round_id], requests=60),
        measure("GET /targets?roundId=…&size=200", [base + "/targets?size=200&roundId=" + round_id]),
        measure("GET /commitments?q=长者食堂&size=50", [base + "/commitments?size=50&q=" + q("长者食堂")]),
        measure("GET /progress-reports?targetId=…", [base + "/progress-reports?targetId=%s" % t for t in targets[:100]]),
        measure("GET /targets/{id}", [base + "/targets/%s" % t for t in targets[:100]], requests=400),
    ]
    rss_after = rss_mb(args.pid)
    with open(args.report, "w", encoding="utf-8") as out:
        out.write("# Benchmark report\n\n")
        out.write("Made by `%s` on %s (%s, %d cores, Python %s client with %d threads, service with -Xmx512m).\n\n"
                  % (args.command, datetime.date.today().isoformat(), platform.machine(), os.cpu_count(),
                     platform.python_version(), WORKERS))
        out.write("Data: one round, %d departments, %d commitments, %d targets, %d milestones, %d progress reports "
                  "(plus the demo round), all written through the API: %d POSTs in %.1f s (%.0f writes/s).\n\n"
                  % (len(departments), len(commitments), len(targets), len(targets) * MILESTONES_PER_TARGET,
                     len(targets) * REPORTS_PER_TARGET, writes, load_seconds, writes / load_seconds))
        out.write("| endpoint | requests | p50 ms | p95 ms | p99 ms | max ms | req/s | body bytes |\n")
        out.write("|---|---|---|---|---|---|---|---|\n")
        for r in rows:
            out.write("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f |\n"
                      % (r["name"], r["n"], r["p50"], r["p95"], r["p99"], r["max"], r["rps"], r["bytes"]))
        out.write("\nService memory (resident set): %.0f MB after start, %.0f MB after loading and measuring.\n"
                  % (rss_idle, rss_after))
    print(open(args.report, encoding="utf-8").read())


if __name__ == "__main__":
    main()
