"""Whether a deployment is ready to take calls (`hotline check`): what is observed (model),
judged in pure functions (judge, coverage), and looked at over the network (probes)."""
