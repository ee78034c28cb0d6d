using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(AIaaS.Benchmarks.TopKBenchmarks).Assembly).Run(args);
