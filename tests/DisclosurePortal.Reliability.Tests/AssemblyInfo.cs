// Each test runs one or two portal processes on a fixed port of its own: one test at a time keeps the machine's load
// (and the ports) predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
