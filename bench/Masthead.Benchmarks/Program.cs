using BenchmarkDotNet.Running;
using Masthead.Benchmarks;

// dotnet run -c Release --project bench/Masthead.Benchmarks -- spam-corpus TRAIN.jsonl TEST.jsonl
// dotnet run -c Release --project bench/Masthead.Benchmarks -- spam-corpus --cross-validate TRAIN.jsonl
// dotnet run -c Release --project bench/Masthead.Benchmarks -- leave-one-set-out [SET ...]
// dotnet run -c Release --project bench/Masthead.Benchmarks -- [BenchmarkDotNet arguments]
if (args.Length > 0 && args[0] == "spam-corpus")
{
    return SpamCorpus.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "leave-one-set-out")
{
    return LeaveOneSetOut.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(ModerationBenchmarks).Assembly).Run(args);
return 0;
