"""argmap's benchmark harness: synthetic argument maps and the measurements of
benchmarks/README.md. A distribution of its own (`argmap-bench`, in `benchmarks/`): the product
package `argmap` never imports it.

- `cli`: the `argmap-bench` command (`python -m argmap_bench`): generate, bench, report,
  server-variants, aof-replay, grounded;
- `synthetic`: the synthetic map generator and its bulk loader;
- `queries`: the benchmarks' own Cypher (`cypher/`), named by `BenchQuery`;
- `run`: one benchmark run (one engine, one size): load, latency per layer, throughput;
- `engines`: the engines under test and their own clients (the baselines);
- `http_load`: server processes of argmap's app, and wrk load against them;
- `measure`: percentiles, and /proc figures of processes and the machine;
- `report`: the results file (merging runs) and its tables;
- `server_variants` / `variant_server`, `aof_replay`, `grounded`: the narrower studies.
"""
