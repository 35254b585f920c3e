from argmap_bench.cli import app

app(prog_name="argmap-bench")
